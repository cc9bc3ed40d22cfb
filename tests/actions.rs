//! The GitHub Actions files: what a security review would check by hand.

use std::fs;
use std::path::PathBuf;

fn read(path: &str) -> String {
    fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The lines of every `run:` script (inline or block).
fn scripts(yaml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Option<usize> = None;
    for line in yaml.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some(run_indent) = block {
            if line.trim().is_empty() || indent > run_indent {
                out.push(line.to_string());
                continue;
            }
            block = None;
        }
        if let Some(rest) = line.trim_start().strip_prefix("run:") {
            if rest.trim() == "|" || rest.trim() == ">" {
                block = Some(indent);
            } else {
                out.push(rest.to_string());
            }
        }
    }
    out
}

#[test]
fn no_expression_is_expanded_inside_a_script() {
    for file in [
        "action.yml",
        "example-project/.github/workflows/baton.yml",
        "example-project/.github/workflows/baton-fork-comment.yml",
        "example-project/.github/workflows/baton-notify.yml",
        ".github/workflows/ci.yml",
        ".github/workflows/release.yml",
    ] {
        let yaml = read(file);
        let scripts = scripts(&yaml);
        assert!(
            !scripts.is_empty() || file.ends_with("baton.yml"),
            "{file} has no scripts?"
        );
        for line in scripts {
            assert!(
                !line.contains("${{"),
                "{file}: `${{{{ }}}}` inside a script can inject code: {line}"
            );
        }
    }
}

#[test]
fn workflows_never_run_pull_request_code_with_a_write_token() {
    for file in [
        "example-project/.github/workflows/baton.yml",
        "example-project/.github/workflows/baton-fork-comment.yml",
        "example-project/.github/workflows/baton-notify.yml",
        ".github/workflows/ci.yml",
        ".github/workflows/release.yml",
        "action.yml",
    ] {
        let yaml = read(file);
        assert!(
            !yaml
                .lines()
                .any(|l| !l.trim_start().starts_with('#') && l.contains("pull_request_target")),
            "{file}"
        );
    }
    let pr = read("example-project/.github/workflows/baton.yml");
    for permission in [
        "contents: read",
        "pull-requests: write",
        "statuses: write",
        "fetch-depth: 0",
    ] {
        assert!(pr.contains(permission), "baton.yml lacks {permission}");
    }
    assert!(!pr.contains("write-all") && !pr.contains("contents: write"));
    // The fork workflow publishes a report; it checks nothing out.
    let fork = read("example-project/.github/workflows/baton-fork-comment.yml");
    assert!(!fork.contains("actions/checkout"));
}
