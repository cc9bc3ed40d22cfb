//! `init` writes a repository that checks clean, in both languages and for
//! every forge, and never overwrites one.

use super::*;
use crate::evidence::Evidence;
use crate::load::load;
use crate::source::WorktreeSource;
use crate::time::parse_now;

fn findings_of(root: &Path) -> Vec<String> {
    let project = load(&WorktreeSource::new(root)).unwrap_or_else(|e| panic!("{e}"));
    let now = parse_now("2027-03-01T10:00:00+08:00", project.settings.tz).unwrap();
    let checked = crate::check::check(
        project,
        now.with_timezone(&chrono::Utc),
        &Evidence::none(),
        None,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    checked
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code, f.diagnostic.message.render(Lang::En)))
        .collect()
}

#[test]
fn a_new_repository_checks_clean_in_either_language() {
    for (lang, forge) in [
        (Lang::Zh, "github"),
        (Lang::En, "gitlab"),
        (Lang::En, "gitea"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let written = init(
            dir.path(),
            &InitOptions {
                lang,
                forge: forge.into(),
                name: Some("Q1 \"新品\"".into()),
            },
        )
        .unwrap();
        let docs = format!("docs/{}", crate::fieldref::file_name(lang));
        for expected in [
            "baton.toml",
            "org.toml",
            "README.md",
            ".taplo.toml",
            "templates/task/default.toml",
            "templates/meeting/weekly.toml",
            "schema/task.schema.json",
            &docs,
        ] {
            assert!(
                written.iter().any(|w| w == expected),
                "{expected} in {written:?}"
            );
            assert!(dir.path().join(expected).is_file());
        }
        let ci = match forge {
            "gitlab" => ".gitlab-ci.yml",
            "gitea" => ".gitea/workflows/baton.yml",
            _ => ".github/workflows/baton.yml",
        };
        assert!(dir.path().join(ci).is_file(), "{ci}");
        assert_eq!(
            findings_of(dir.path()),
            Vec::<String>::new(),
            "{lang:?} {forge}"
        );
        assert!(dir.path().join(".git").is_dir());
        let baton = std::fs::read_to_string(dir.path().join("baton.toml")).unwrap();
        assert!(baton.contains("name = \"Q1 \\\"新品\\\"\""), "{baton}");
    }
}

#[test]
fn init_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("org.toml"), "# ours\n").unwrap();
    let error = init(
        dir.path(),
        &InitOptions {
            lang: Lang::En,
            forge: "github".into(),
            name: None,
        },
    )
    .unwrap_err();
    assert_eq!(
        *error.message,
        crate::messages::Msg::Edit(EditMsg::Exists {
            path: "org.toml".into()
        })
    );
    // Nothing else was written.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("org.toml")).unwrap(),
        "# ours\n"
    );
}
