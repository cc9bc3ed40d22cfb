use std::path::Path;
use std::time::{Duration, SystemTime};

use super::*;
use crate::load::{ParseMemo, load_cached, parse_item_body};
use crate::model::Project;
use crate::progress::Silent;
use crate::source::{Content, GitSource, Source, WorktreeSource};
use crate::testing::{BATON, ORG};

const TASK: &str = r#"title = "用户调研报告"
owner = "li.gong"
due = 2026-07-08
start = 2026-07-01
effort = "3wd"
progress = 40
depends_on = ["T-2"]
delivered_at = 2026-07-08T17:30:00+08:00

[[update]]
at = 2026-07-05T16:40:00
progress = 40
done = "访谈完成 5/8"
"#;

const TASK_2: &str = "title = \"问卷\"\nowner = \"li.gong\"\ndue = 2026-07-03\n";

/// A moment well before now: files stamped with it are not "racily clean".
fn long_ago() -> SystemTime {
    SystemTime::now() - Duration::from_secs(3600)
}

fn write_old(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(path, text).unwrap();
    set_old(path);
}

fn set_old(path: &Path) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(long_ago()).unwrap();
}

fn project_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_old(&dir.path().join("baton.toml"), BATON);
    write_old(&dir.path().join("org.toml"), ORG);
    write_old(&dir.path().join("tasks/T-1.toml"), TASK);
    write_old(&dir.path().join("tasks/T-2.toml"), TASK_2);
    write_old(
        &dir.path().join("tasks/T-3.toml"),
        "title = \"坏\"\nowner = 7\n",
    );
    dir
}

/// Everything a load produced that a check looks at, as text.
fn summary(project: &Project) -> String {
    let mut out = String::new();
    for task in &project.tasks {
        out.push_str(&format!("{} {:?}\n", task.id, task.body));
    }
    for problem in &project.problems {
        out.push_str(&format!("{} {:?}\n", problem.code, problem.diagnostic));
    }
    out
}

fn load_through(source: &dyn Source, cache: &ParseCache) -> Project {
    load_cached(source, &Silent, &mut ParseMemo::default(), cache).unwrap()
}

/// How many item files a source leaves unread with `cache`.
fn unread(source: &dyn Source, cache: &ParseCache) -> Vec<String> {
    let mut paths: Vec<String> = source
        .read_cached(cache)
        .unwrap()
        .into_iter()
        .filter(|f| matches!(f.content, Content::Unread(_)))
        .map(|f| f.path)
        .collect();
    paths.sort();
    paths
}

#[test]
fn items_read_back_from_the_cache_encoding_are_the_items_parsed() {
    for (kind, text) in [
        (FileKind::Task, TASK),
        (FileKind::Task, TASK_2),
        (
            FileKind::Task,
            "title = \"x\"\nowner = [\"a\", \"b\"]\nstart = 0001-01-01\ndue = 9999-12-31T23:59:59.999999999-23:59\n",
        ),
    ] {
        let (body, problems) = parse_item_body(kind, text);
        assert!(problems.is_empty(), "{problems:?}");
        let body = body.unwrap();
        let bytes = postcard::to_allocvec(&body).unwrap();
        let back: ItemBody = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(format!("{back:?}"), format!("{body:?}"));
    }
    // Every item of the example project, whatever its kind.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("example-project");
    let files = WorktreeSource::new(&root).read().unwrap();
    let mut items = 0;
    for file in files {
        let Content::Bytes(bytes) = file.content else {
            continue;
        };
        let text = String::from_utf8(bytes).unwrap();
        if let (Some(body), _) = parse_item_body(file.kind, &text) {
            let back: ItemBody =
                postcard::from_bytes(&postcard::to_allocvec(&body).unwrap()).unwrap();
            assert_eq!(format!("{back:?}"), format!("{body:?}"), "{}", file.path);
            items += 1;
        }
    }
    assert!(items > 20, "only {items} items in the example project");
}

#[test]
fn an_unchanged_working_tree_is_loaded_from_the_cache_without_reading_items() {
    let dir = project_dir();
    let store = tempfile::tempdir().unwrap();
    let path = store.path().join("cache");
    let source = WorktreeSource::new(dir.path());

    let first = ParseCache::open(&path);
    assert!(first.is_empty());
    let parsed = load_through(&source, &first);
    first.save().unwrap();

    let second = ParseCache::open(&path);
    // T-3 has a problem (an owner that is a number): it is never cached.
    assert_eq!(second.len(), 2);
    assert_eq!(
        unread(&source, &second),
        ["tasks/T-1.toml", "tasks/T-2.toml"]
    );
    let cached = load_through(&source, &second);
    assert_eq!(summary(&cached), summary(&parsed));
    // The text of an unread file is still there for findings that point
    // into it: from the cache, without opening the file (here, moved away).
    let t1 = cached.tasks.iter().find(|t| t.id == "T-1").unwrap();
    let file = dir.path().join("tasks/T-1.toml");
    std::fs::rename(&file, dir.path().join("T-1.away")).unwrap();
    assert_eq!(cached.files.text(t1.file), TASK);
    std::fs::rename(dir.path().join("T-1.away"), &file).unwrap();
    assert_eq!(
        cached
            .files
            .line_col(t1.file, t1.body.due.as_ref().unwrap().span().start)
            .line,
        3
    );
}

#[test]
fn a_changed_file_is_parsed_again() {
    let dir = project_dir();
    let store = tempfile::tempdir().unwrap();
    let path = store.path().join("cache");
    let source = WorktreeSource::new(dir.path());
    let cache = ParseCache::open(&path);
    load_through(&source, &cache);
    cache.save().unwrap();

    // Same size, same modification time: only the change time (and the
    // content) differ, as when a tool restores mtimes.
    let t2 = dir.path().join("tasks/T-2.toml");
    let before = std::fs::metadata(&t2).unwrap().modified().unwrap();
    let changed = TASK_2.replace("07-03", "07-09");
    assert_eq!(changed.len(), TASK_2.len());
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&t2, &changed).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&t2)
        .unwrap()
        .set_modified(before)
        .unwrap();

    let cache = ParseCache::open(&path);
    assert_eq!(unread(&source, &cache), ["tasks/T-1.toml"]);
    let project = load_through(&source, &cache);
    let due = project.tasks.iter().find(|t| t.id == "T-2").unwrap();
    assert_eq!(
        due.body.due.as_ref().unwrap().get().to_string(),
        "2026-07-09"
    );
    cache.save().unwrap();

    // A file renamed over another one: a new inode.
    let t1 = dir.path().join("tasks/T-1.toml");
    let replacement = dir.path().join("T-1.new");
    write_old(&replacement, &TASK.replace("用户调研报告", "用户访谈报告"));
    std::fs::rename(&replacement, &t1).unwrap();
    let cache = ParseCache::open(&path);
    assert!(!unread(&source, &cache).contains(&"tasks/T-1.toml".to_string()));
    let project = load_through(&source, &cache);
    let title = &project
        .tasks
        .iter()
        .find(|t| t.id == "T-1")
        .unwrap()
        .body
        .title;
    assert_eq!(title.as_str(), "用户访谈报告");
}

#[test]
fn a_file_changed_just_now_is_not_cached() {
    let dir = project_dir();
    std::fs::write(dir.path().join("tasks/T-2.toml"), TASK_2).unwrap();
    let store = tempfile::tempdir().unwrap();
    let path = store.path().join("cache");
    let source = WorktreeSource::new(dir.path());
    let cache = ParseCache::open(&path);
    load_through(&source, &cache);
    cache.save().unwrap();
    assert_eq!(
        unread(&source, &ParseCache::open(&path)),
        ["tasks/T-1.toml"]
    );
}

#[test]
fn a_damaged_or_foreign_cache_is_ignored() {
    let dir = project_dir();
    let store = tempfile::tempdir().unwrap();
    let path = store.path().join("cache");
    let source = WorktreeSource::new(dir.path());
    let expected = summary(&load_through(&source, &ParseCache::disabled()));
    let cache = ParseCache::open(&path);
    load_through(&source, &cache);
    cache.save().unwrap();
    let good = std::fs::read(&path).unwrap();

    // Cut short, a flipped byte in every entry, another build, garbage.
    let mut flipped = good.clone();
    let half = flipped.len() / 2;
    for byte in &mut flipped[half..] {
        *byte ^= 0x5a;
    }
    let other_build =
        String::from_utf8_lossy(&good).replace(store::build_for_tests(), "0.0.0 1 2.3");
    for bad in [
        good[..good.len() / 2].to_vec(),
        flipped,
        other_build.into_bytes(),
        b"not a cache at all".to_vec(),
        Vec::new(),
    ] {
        std::fs::write(&path, &bad).unwrap();
        let cache = ParseCache::open(&path);
        assert_eq!(summary(&load_through(&source, &cache)), expected);
    }
}

#[test]
fn a_flipped_bit_anywhere_in_the_cache_changes_no_result() {
    let dir = project_dir();
    let store = tempfile::tempdir().unwrap();
    let path = store.path().join("cache");
    let source = WorktreeSource::new(dir.path());
    let expected = summary(&load_through(&source, &ParseCache::disabled()));
    let cache = ParseCache::open(&path);
    load_through(&source, &cache);
    cache.save().unwrap();
    let good = std::fs::read(&path).unwrap();
    assert!(ParseCache::open(&path).len() > 1);
    for at in store::MAGIC.len()..good.len() {
        let mut bad = good.clone();
        bad[at] ^= 1 << (at % 8);
        std::fs::write(&path, &bad).unwrap();
        let cache = ParseCache::open(&path);
        assert_eq!(
            summary(&load_through(&source, &cache)),
            expected,
            "bit {} of byte {at} flipped",
            at % 8
        );
        // Saving does not bless a damaged entry with a new checksum.
        cache.save().unwrap();
        let cache = ParseCache::open(&path);
        assert_eq!(summary(&load_through(&source, &cache)), expected);
    }
}

use crate::history::test_repo::commit_all;

#[test]
fn a_revision_is_loaded_from_the_cache_by_blob_and_a_symlink_is_never_taken_for_an_item() {
    let dir = project_dir();
    let repo = git2::Repository::init(dir.path()).unwrap();
    commit_all(&repo, 1);
    let store = tempfile::tempdir().unwrap();
    let path = store.path().join("blobs");
    let git = crate::git::GitRepo::discover(dir.path()).unwrap();
    let head = git.resolve("HEAD").unwrap();
    let source = GitSource::new(&git, &head).unwrap();

    let cache = ParseCache::open(&path);
    let parsed = load_through(&source, &cache);
    cache.save().unwrap();
    let cache = ParseCache::open(&path);
    assert_eq!(
        unread(&source, &cache),
        ["tasks/T-1.toml", "tasks/T-2.toml"]
    );
    assert_eq!(summary(&load_through(&source, &cache)), summary(&parsed));

    // A symbolic link whose target text is exactly T-2's content has T-2's
    // blob id; it is still a link, reported and never read.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(TASK_2, dir.path().join("tasks/T-9.toml")).unwrap();
        commit_all(&repo, 2);
        let head = git.resolve("HEAD").unwrap();
        let source = GitSource::new(&git, &head).unwrap();
        assert!(!unread(&source, &cache).contains(&"tasks/T-9.toml".to_string()));
        let project = load_through(&source, &cache);
        assert!(project.tasks.iter().all(|t| t.id != "T-9"));
        assert!(
            project
                .problems
                .iter()
                .any(|p| project.files.path(p.diagnostic.file) == "tasks/T-9.toml"),
            "the link is reported"
        );
    }
}

#[test]
fn saving_keeps_what_other_revisions_used_within_bounds() {
    let store = tempfile::tempdir().unwrap();
    let path = store.path().join("blobs");
    let (body, _) = parse_item_body(FileKind::Task, TASK_2);
    let body = body.unwrap();
    let oid = |n: u8| git2::Oid::from_bytes(&[n; 20]).unwrap();
    // Run 1 parses blobs 1..=5.
    let cache = ParseCache::open(&path);
    for n in 1..=5 {
        cache.offer(
            "tasks/T-2.toml",
            FileKind::Task,
            (Some(oid(n)), None),
            &body,
            TASK,
        );
    }
    cache.save().unwrap();
    // Run 2 takes blob 1 and parses blob 6: room for two of the four
    // others, the newest.
    let cache = ParseCache::open(&path);
    assert_eq!(cache.len(), 5);
    assert!(
        cache
            .take("tasks/T-2.toml", FileKind::Task, Some(oid(1)), None)
            .is_some()
    );
    cache.offer(
        "tasks/T-2.toml",
        FileKind::Task,
        (Some(oid(6)), None),
        &body,
        TASK,
    );
    cache.save().unwrap();
    let cache = ParseCache::open(&path);
    let kept: Vec<u8> = (1..=6)
        .filter(|n| cache.knows_blob(oid(*n), FileKind::Task))
        .collect();
    assert_eq!(kept, [1, 4, 5, 6]);
    // A blob cached as a task is not taken for a meeting.
    assert!(!cache.knows_blob(oid(6), FileKind::Meeting));
    assert!(
        cache
            .take("meetings/M.toml", FileKind::Meeting, Some(oid(6)), None)
            .is_none()
    );
}

mod evidence {
    use chrono::{DateTime, TimeZone, Utc};
    use git2::Repository;

    use crate::cache::EvidenceCache;
    use crate::evidence::{Event, Evidence};
    use crate::history::test_repo::commit_all;
    use crate::progress::Silent;

    /// A repository whose task T-1 was blocked by its second commit (at
    /// 1,700,000,001 s), with its evidence cache in a folder of its own.
    fn blocked_history() -> (tempfile::TempDir, Repository, git2::Oid) {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        let write = |path: &str, text: &str| {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("baton.toml", "[project]\nname = \"x\"\n");
        write("tasks/T-1.toml", "title = \"a\"\nstatus = \"todo\"\n");
        commit_all(&repo, 0);
        write("tasks/T-1.toml", "title = \"a\"\nstatus = \"blocked\"\n");
        let head = commit_all(&repo, 1);
        (dir, repo, head)
    }

    fn at(secs: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(secs, 0).unwrap()
    }

    #[test]
    fn stored_evidence_reads_back_equal() {
        let tz = chrono_tz::Asia::Shanghai;
        let mut evidence = Evidence::none();
        evidence.set("T-1", Event::Blocked, at(1_700_000_001).with_timezone(&tz));
        evidence.set(
            "R-1",
            Event::Response("rnd".into()),
            at(5).with_timezone(&tz),
        );
        evidence.note_value("R-1", "submitted_at", "2026-07-01".into(), None);
        evidence.note_value(
            "T-1",
            "blocked.since",
            "x".into(),
            Some(at(9).with_timezone(&tz)),
        );
        let back = Evidence::from_stored(evidence.to_stored(), tz).unwrap();
        assert_eq!(back, evidence);
    }

    #[test]
    fn a_commits_evidence_is_derived_once_and_then_read_back() {
        let (dir, repo, head) = blocked_history();
        let tz = chrono_tz::Asia::Shanghai;
        let now = at(1_800_000_000);
        let stored = EvidenceCache::open(&repo, true);
        assert!(stored.get(head, "", tz, now).is_none());
        let derived = stored
            .evidence_of(&repo, (head, "", tz), now, &Silent)
            .unwrap();
        assert_eq!(
            derived.get("T-1", &Event::Blocked).map(|t| t.timestamp()),
            Some(1_700_000_001)
        );
        assert!(dir.path().join(".git/baton/evidence").is_dir());
        assert_eq!(stored.get(head, "", tz, now), Some(derived.clone()));

        // What is stored is what is used: a planted entry is returned as is.
        let mut planted = Evidence::none();
        planted.set(
            "T-9",
            Event::Delivered,
            at(1_700_000_000).with_timezone(&tz),
        );
        let history = crate::history::first_parent_history(&repo, head, "").unwrap();
        stored.put((head, "", tz), &history, now, &planted);
        assert_eq!(
            stored
                .evidence_of(&repo, (head, "", tz), now, &Silent)
                .unwrap(),
            planted
        );
        // Another root, time zone or build of the history is another entry.
        assert!(stored.get(head, "sub", tz, now).is_none());
        assert!(stored.get(head, "", chrono_tz::UTC, now).is_none());
        std::fs::write(repo.path().join("shallow"), format!("{head}\n")).unwrap();
        assert!(
            EvidenceCache::open(&repo, true)
                .get(head, "", tz, now)
                .is_none()
        );
        std::fs::remove_file(repo.path().join("shallow")).unwrap();
        // Turned off, it neither reads nor writes.
        let off = EvidenceCache::open(&repo, false);
        assert!(off.get(head, "", tz, now).is_none());
        // A flipped bit anywhere in the stored file is a miss.
        let folder = repo.path().join("baton/evidence");
        let file = std::fs::read_dir(&folder)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&head.to_string()))
            })
            .unwrap();
        let good = std::fs::read(&file).unwrap();
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 1 << (at % 8);
            std::fs::write(&file, &bad).unwrap();
            assert!(stored.get(head, "", tz, now).is_none(), "byte {at}");
        }
        std::fs::write(&file, &good).unwrap();
        assert_eq!(stored.get(head, "", tz, now), Some(planted));
    }

    #[test]
    fn evidence_is_used_and_stored_only_when_no_commit_is_after_now() {
        let (_dir, repo, head) = blocked_history();
        let tz = chrono_tz::UTC;
        let stored = EvidenceCache::open(&repo, true);
        // Before the blocking commit: derived without it, and not stored.
        let early = at(1_700_000_000);
        let before = stored
            .evidence_of(&repo, (head, "", tz), early, &Silent)
            .unwrap();
        assert_eq!(before.get("T-1", &Event::Blocked), None);
        assert!(stored.get(head, "", tz, at(1_800_000_000)).is_none());
        // After it: stored, and then not used for an earlier now.
        let late = at(1_800_000_000);
        let after = stored
            .evidence_of(&repo, (head, "", tz), late, &Silent)
            .unwrap();
        assert!(after.get("T-1", &Event::Blocked).is_some());
        assert!(stored.get(head, "", tz, late).is_some());
        assert!(stored.get(head, "", tz, early).is_none());
        assert_eq!(
            stored
                .evidence_of(&repo, (head, "", tz), early, &Silent)
                .unwrap(),
            before
        );
    }
}

mod hostile_bytes {
    use proptest::prelude::*;

    use super::*;

    fn valid_body() -> Vec<u8> {
        let (body, _) = parse_item_body(FileKind::Task, TASK);
        postcard::to_allocvec(&body.unwrap()).unwrap()
    }

    proptest! {
        /// Whatever a cache file holds, reading it never panics.
        #[test]
        fn any_cache_file_decodes_or_is_ignored(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let mut data = store::MAGIC.to_vec();
            data.extend(&bytes);
            let _ = store::decode(&data);
            let _ = store::decode(&bytes);
        }

        /// A damaged entry decodes to some item or to none, never a panic.
        #[test]
        fn a_damaged_item_encoding_never_panics(
            flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        ) {
            let mut bytes = valid_body();
            for (at, value) in flips {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            let _ = postcard::from_bytes::<ItemBody>(&bytes);
        }
    }
}
