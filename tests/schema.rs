//! The JSON Schemas in `schema/`: generated from the model types, never
//! stale, and in agreement with baton's own loader on sample files.

use std::fs;
use std::path::{Path, PathBuf};

use baton::model::{
    Agreement, CalendarFile, ChangeRequest, CommRecord, Complaint, ConfigFile, Meeting, OrgFile,
    Request, Task,
};
use baton::parse::parse_document;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn committed_field_references_are_up_to_date() {
    for lang in [baton::messages::Lang::En, baton::messages::Lang::Zh] {
        let name = baton::fieldref::file_name(lang);
        let path = root().join("docs").join(name);
        let committed = fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == baton::fieldref::markdown(lang),
            "docs/{name} is stale: run `cargo run -- schema --format markdown --lang {} --out docs` and commit it",
            lang.tag()
        );
    }
}

#[test]
fn committed_schemas_are_up_to_date() {
    for schema in baton::schema::all() {
        let path = root().join("schema").join(schema.name);
        let committed = fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == schema.json,
            "{} is stale: run `cargo run -- schema --out schema` and commit the result",
            path.display()
        );
    }
}

/// TOML → JSON the way editors (taplo) see it: dates become strings.
fn to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

fn schema_valid(kind: &str, text: &str) -> bool {
    let schema_path = root().join("schema").join(format!("{kind}.schema.json"));
    let schema: Value = serde_json::from_str(&fs::read_to_string(schema_path).unwrap()).unwrap();
    let instance = to_json(toml::from_str::<toml::Value>(text).unwrap_or_else(|e| panic!("{e}")));
    let validator = jsonschema::options()
        .should_validate_formats(false)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{kind} schema does not compile: {e}"));
    validator.is_valid(&instance)
}

fn baton_valid(kind: &str, text: &str) -> bool {
    match kind {
        "task" => parse_document::<Task>(text).problems.is_empty(),
        "request" => parse_document::<Request>(text).problems.is_empty(),
        "meeting" => parse_document::<Meeting>(text).problems.is_empty(),
        "org" => parse_document::<OrgFile>(text).problems.is_empty(),
        "calendar" => parse_document::<CalendarFile>(text).problems.is_empty(),
        "baton" => parse_document::<ConfigFile>(text).problems.is_empty(),
        "change" => parse_document::<ChangeRequest>(text).problems.is_empty(),
        "complaint" => parse_document::<Complaint>(text).problems.is_empty(),
        "agreement" => parse_document::<Agreement>(text).problems.is_empty(),
        "comm" => parse_document::<CommRecord>(text).problems.is_empty(),
        other => panic!("unknown kind {other}"),
    }
}

fn samples(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for kind in fs::read_dir(dir).unwrap() {
        let kind = kind.unwrap().path();
        for file in fs::read_dir(&kind).unwrap() {
            out.push((
                kind.file_name().unwrap().to_string_lossy().into_owned(),
                file.unwrap().path(),
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn valid_samples_pass_both_the_schema_and_baton() {
    let samples = samples(&root().join("tests/fixtures/schema/valid"));
    assert!(samples.len() >= 8);
    for (kind, path) in samples {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            schema_valid(&kind, &text),
            "schema rejects {}",
            path.display()
        );
        assert!(
            baton_valid(&kind, &text),
            "baton rejects {}",
            path.display()
        );
    }
}

#[test]
fn invalid_samples_fail_both_the_schema_and_baton() {
    let samples = samples(&root().join("tests/fixtures/schema/invalid"));
    assert!(samples.len() >= 12);
    for (kind, path) in samples {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            !schema_valid(&kind, &text),
            "schema accepts {}",
            path.display()
        );
        assert!(
            !baton_valid(&kind, &text),
            "baton accepts {}",
            path.display()
        );
    }
}

#[test]
fn every_file_of_the_example_project_validates() {
    let example = root().join("example-project");
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&example)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry
            .path()
            .strip_prefix(&example)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("broken") || !rel.ends_with(".toml") {
            continue;
        }
        let kind = match rel.split('/').next().unwrap() {
            "baton.toml" => "baton",
            "org.toml" => "org",
            "calendars" => "calendar",
            "requests" => "request",
            "meetings" => "meeting",
            "tasks" => "task",
            "changes" => "change",
            "complaints" => "complaint",
            "agreements" => "agreement",
            "comms" => "comm",
            _ => continue,
        };
        let text = fs::read_to_string(entry.path()).unwrap();
        assert!(
            schema_valid(kind, &text),
            "schema rejects example-project/{rel}"
        );
        assert!(
            baton_valid(kind, &text),
            "baton rejects example-project/{rel}"
        );
        checked += 1;
    }
    assert!(checked > 20, "only {checked} files");
}

/// Editors validate every kind: `.taplo.toml` maps each kind folder to its
/// schema, and each schema file it names exists.
#[test]
fn taplo_maps_every_kind_folder_to_its_schema() {
    let taplo = fs::read_to_string(root().join(".taplo.toml")).unwrap();
    for (folder, _) in baton::source::KIND_FOLDERS {
        let schema = match *folder {
            "calendars" => "calendar".to_string(),
            other => other.trim_end_matches('s').to_string(),
        };
        let rule = format!(
            "include = [\"**/{folder}/**/*.toml\"]\n[rule.schema]\npath = \"schema/{schema}.schema.json\""
        );
        assert!(taplo.contains(&rule), "{folder}: {rule}");
        assert!(root().join(format!("schema/{schema}.schema.json")).exists());
    }
}
