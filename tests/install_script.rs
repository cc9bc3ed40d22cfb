//! scripts/install-baton.sh, the installer action.yml runs, against a fake
//! release on 127.0.0.1: a wiremock server serves a tar.gz built here (a tiny
//! shell script named `baton`) and its `.sha256`. The script must install a
//! verified binary, refuse a tampered one (exit 4, nothing installed, nothing
//! run) and report a release without a binary for the target (exit 3), which
//! is when the action builds baton from source instead.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;
use sha2::{Digest, Sha256};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TARGET: &str = "x86_64-unknown-linux-musl";
const ARCHIVE: &str = "baton-x86_64-unknown-linux-musl.tar.gz";
const ARCHIVE_PATH: &str = "/v0.1.0/baton-x86_64-unknown-linux-musl.tar.gz";
const CHECKSUM_PATH: &str = "/v0.1.0/baton-x86_64-unknown-linux-musl.tar.gz.sha256";
const BATON: &str = "#!/bin/sh\necho \"baton 0.1.0\"\n";

/// A release archive laid out as the release workflow packs it: an
/// executable `baton` at its root. Built with the `tar` command.
fn archive(dir: &Path, baton: &str) -> Vec<u8> {
    let stage = dir.join("stage");
    fs::create_dir_all(&stage).unwrap();
    let binary = stage.join("baton");
    fs::write(&binary, baton).unwrap();
    fs::set_permissions(&binary, fs::Permissions::from_mode(0o755)).unwrap();
    let out = dir.join(ARCHIVE);
    let status = std::process::Command::new("tar")
        .arg("-czf")
        .arg(&out)
        .arg("-C")
        .arg(&stage)
        .arg("baton")
        .status()
        .unwrap();
    assert!(status.success(), "tar failed");
    fs::read(&out).unwrap()
}

/// The `.sha256` file of an archive, in `sha256sum` format.
fn checksum(archive: &[u8]) -> String {
    let hex: String = Sha256::digest(archive)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("{hex}  {ARCHIVE}\n")
}

async fn serve(server: &MockServer, at: &str, body: Vec<u8>) {
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(body))
        .expect(1)
        .mount(server)
        .await;
}

/// Runs the script with the release URL pointed at the server and a
/// scratch HOME; proxies are unset so every request stays on 127.0.0.1.
async fn install(server: &MockServer, target: &str, version: &str, dir: &Path) -> Output {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/install-baton.sh");
    let home = dir.parent().unwrap().to_path_buf();
    let (url, dir) = (server.uri(), dir.to_path_buf());
    let (target, version) = (target.to_string(), version.to_string());
    tokio::task::spawn_blocking(move || {
        let mut command = Command::new("bash");
        command
            .arg(script)
            .args(["--target", &target, &version])
            .arg(dir)
            .env("BATON_RELEASE_URL", url)
            .env("HOME", home)
            .timeout(Duration::from_secs(60));
        for proxy in [
            "http_proxy",
            "HTTP_PROXY",
            "https_proxy",
            "HTTPS_PROXY",
            "all_proxy",
            "ALL_PROXY",
        ] {
            command.env_remove(proxy);
        }
        command.output().unwrap()
    })
    .await
    .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verified_archive_is_installed_and_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let bytes = archive(tmp.path(), BATON);
    let server = MockServer::start().await;
    serve(&server, CHECKSUM_PATH, checksum(&bytes).into_bytes()).await;
    serve(&server, ARCHIVE_PATH, bytes).await;
    let dir = tmp.path().join("bin");

    // `v0.1.0` and `0.1.0` name the same release.
    let output = install(&server, TARGET, "v0.1.0", &dir).await;
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));

    let baton = dir.join("baton");
    let mode = fs::metadata(&baton).unwrap().permissions().mode();
    assert_eq!(mode & 0o111, 0o111, "not executable: {mode:o}");
    let run = std::process::Command::new(&baton).output().unwrap();
    assert!(run.status.success());
    assert_eq!(String::from_utf8_lossy(&run.stdout), "baton 0.1.0\n");
    // Only the binary lands in the install directory.
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tampered_archive_is_refused_and_nothing_is_installed() {
    let tmp = tempfile::tempdir().unwrap();
    let genuine = archive(&tmp.path().join("genuine"), BATON);
    // Same name, other content: a `baton` that leaves a mark if it ever runs.
    let marker = tmp.path().join("tampered-baton-ran");
    let tampered = archive(
        &tmp.path().join("tampered"),
        &format!(
            "#!/bin/sh\ntouch '{}'\necho \"baton 0.1.0\"\n",
            marker.display()
        ),
    );
    assert_ne!(genuine, tampered);
    let server = MockServer::start().await;
    serve(&server, CHECKSUM_PATH, checksum(&genuine).into_bytes()).await;
    serve(&server, ARCHIVE_PATH, tampered).await;
    let dir = tmp.path().join("bin");
    fs::create_dir(&dir).unwrap();

    let output = install(&server, TARGET, "0.1.0", &dir).await;
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("checksum mismatch"),
        "{}",
        stderr(&output)
    );
    let left: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(left.is_empty(), "installed anyway: {left:?}");
    assert!(!marker.exists(), "the tampered binary was run");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_release_without_the_archive_means_no_prebuilt_binary() {
    let tmp = tempfile::tempdir().unwrap();
    let bytes = archive(tmp.path(), BATON);
    let server = MockServer::start().await;
    // The checksum is there, the archive is not: wiremock answers 404.
    serve(&server, CHECKSUM_PATH, checksum(&bytes).into_bytes()).await;
    let dir = tmp.path().join("bin");

    let output = install(&server, TARGET, "0.1.0", &dir).await;
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("no prebuilt binary"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.exists(), "the install directory was created");
    let requests = server.received_requests().await.unwrap();
    assert!(
        requests.iter().any(|r| r.url.path() == ARCHIVE_PATH),
        "the archive was never asked for"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_target_without_prebuilt_binaries_downloads_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let server = MockServer::start().await;
    let dir = tmp.path().join("bin");

    let output = install(&server, "riscv64gc-unknown-linux-gnu", "0.1.0", &dir).await;
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(server.received_requests().await.unwrap().is_empty());
    assert!(!dir.exists());
}
