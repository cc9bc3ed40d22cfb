use serde::Deserialize;

use super::*;
use crate::model::{Meeting, Task};

fn task(text: &str) -> Parsed<Task> {
    parse_document::<Task>(text)
}

fn messages<T>(parsed: &Parsed<T>) -> Vec<String> {
    parsed
        .problems
        .iter()
        .map(|p| p.message.to_string())
        .collect()
}

#[test]
fn a_valid_document_has_no_problems_and_keeps_spans() {
    let text = "title = \"用户调研\"\nowner = \"li.gong\"\n";
    let parsed = task(text);
    assert!(parsed.problems.is_empty());
    let task = parsed.value.unwrap();
    assert_eq!(&text[task.title.span()], "\"用户调研\"");
}

#[test]
fn every_unknown_field_is_reported_and_the_item_survives() {
    let text = "title = \"a\"\nonwer = \"x\"\ndeu = 2026-07-01\n[review]\nverdict = \"accepted\"\ncomment = \"ok\"\n";
    let parsed = task(text);
    let task = parsed.value.as_ref().expect("item still loads");
    assert!(
        task.review.is_some(),
        "the review survives without its unknown key"
    );
    let fields: Vec<&str> = parsed.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(parsed.problems.len(), 3, "{:?}", messages(&parsed));
    for field in ["onwer", "deu", "review.comment"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    let hints: Vec<String> = parsed
        .problems
        .iter()
        .filter_map(|p| p.hint.as_ref())
        .map(|h| h.to_string())
        .collect();
    assert!(
        hints.contains(&"did you mean `owner`?".to_string()),
        "{hints:?}"
    );
    assert!(
        hints.contains(&"did you mean `comments`?".to_string()),
        "{hints:?}"
    );
}

#[test]
fn a_wrong_optional_value_is_dropped_and_the_rest_kept() {
    let text = "title = \"a\"\nprogress = 150\nsupport = [\"mkt\", 3]\ndue = \"soon\"\n";
    let parsed = task(text);
    let task = parsed.value.as_ref().expect("item still loads");
    assert!(task.progress.is_none());
    assert!(task.due.is_none());
    assert_eq!(
        task.support.len(),
        1,
        "the bad element is dropped, the good one kept"
    );
    assert_eq!(parsed.problems.len(), 3, "{:?}", messages(&parsed));
    let support = parsed
        .problems
        .iter()
        .find(|p| p.field == "support[1]")
        .unwrap();
    assert_eq!(&text[support.span.clone()], "3");
}

#[test]
fn a_broken_required_field_inside_a_section_drops_the_section_once() {
    let text = "title = \"a\"\n[review]\nverdict = \"maybe\"\n";
    let parsed = task(text);
    assert!(parsed.value.as_ref().unwrap().review.is_none());
    assert_eq!(
        messages(&parsed).len(),
        1,
        "no second 'missing verdict' problem: {:?}",
        messages(&parsed)
    );
    let problem = &parsed.problems[0];
    assert_eq!(problem.field, "review.verdict");
    assert!(
        matches!(&problem.message, crate::messages::Msg::BadEnumValue { value, .. } if value == "maybe")
    );
}

#[test]
fn a_missing_required_field_in_an_array_element_drops_that_element() {
    let text = "title = \"a\"\n[[update]]\nat = 2026-07-01\n[[update]]\nby = \"li.gong\"\n";
    let parsed = task(text);
    assert_eq!(parsed.value.as_ref().unwrap().update.len(), 1);
    assert_eq!(messages(&parsed), ["missing required field `update[1].at`"]);
}

#[test]
fn a_missing_required_top_level_field_gives_no_item() {
    let parsed = parse_document::<Meeting>("title = \"m\"\n");
    assert!(parsed.value.is_none());
    assert_eq!(messages(&parsed), ["missing required field `start`"]);
}

#[test]
fn syntax_errors_are_reported_with_their_position() {
    let text = "title = \"a\"\nowner = \n";
    let parsed = task(text);
    assert!(parsed.value.is_none());
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.problems[0].kind, ProblemKind::Syntax);
    assert!(parsed.problems[0].span.start >= text.find("owner").unwrap());
}

#[test]
fn deeply_nested_values_are_rejected_without_overflowing_the_stack() {
    for (open, close) in [("[", "]"), ("{a=", "}")] {
        let text = format!(
            "title = \"a\"\nx = {}1{}\n",
            open.repeat(20_000),
            close.repeat(20_000)
        );
        let parsed = task(&text);
        assert!(parsed.value.is_none());
        assert_eq!(parsed.problems[0].kind, ProblemKind::Syntax);
    }
}

#[test]
fn duplicate_keys_are_syntax_errors() {
    let parsed = task("title = \"a\"\ntitle = \"b\"\n");
    assert_eq!(parsed.problems[0].kind, ProblemKind::Syntax);
}

#[test]
fn serde_messages_are_classified() {
    assert_eq!(
        classify(
            "unknown field `titel`, expected one of `title`, `owner`",
            ""
        ),
        ErrorKind::UnknownField {
            field: "titel".into(),
            expected: vec!["title".into(), "owner".into()]
        }
    );
    assert_eq!(
        classify("missing field `at`", ""),
        ErrorKind::MissingField { field: "at".into() }
    );
    assert_eq!(
        classify("invalid type: string \"x\", expected u8", ""),
        ErrorKind::InvalidType {
            found: "string \"x\"".into(),
            expected: "an integer".into()
        }
    );
    assert_eq!(
        classify(
            "unknown variant `doing`, expected `todo` or `in_progress`",
            ""
        ),
        ErrorKind::UnknownVariant {
            value: "doing".into(),
            expected: vec!["todo".into(), "in_progress".into()]
        }
    );
    assert!(matches!(
        classify("something else", ""),
        ErrorKind::Other(_)
    ));
    assert_eq!(
        classify("invalid value: integer `-15`, expected u32", ""),
        ErrorKind::OutOfRange {
            found: "-15".into(),
            expected: "a whole number from 0 to 4294967295".into()
        }
    );
    assert_eq!(
        classify(
            "invalid type: integer `99999999999999999999` as i128, expected i64",
            ""
        ),
        ErrorKind::InvalidType {
            found: "integer `99999999999999999999`".into(),
            expected: "an integer".into()
        }
    );
    assert_eq!(
        classify("wanted string or table", "3"),
        ErrorKind::InvalidType {
            found: "`3`".into(),
            expected: "a string".into()
        }
    );
}

#[test]
fn recursion_limits_point_at_the_deep_spot() {
    let text = format!("title = \"a\"\n{} = 1\n", vec!["k"; 500].join("."));
    let parsed = task(&text);
    let problem = &parsed.problems[0];
    assert_eq!(problem.kind, ProblemKind::Syntax);
    assert!(
        problem.span.start > text.find('k').unwrap(),
        "{:?}",
        problem.span
    );
    assert_eq!(
        too_deep_at("a = [[1]]\n\"[[[[\" = 1\n"),
        None,
        "quoted text does not nest"
    );
}

#[test]
fn generic_documents_parse_too() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Small {
        a: Sp<u32>,
    }
    let parsed = parse_document::<Small>("a = 1\nb = 2\n");
    assert_eq!(*parsed.value.unwrap().a, 1);
    assert_eq!(parsed.problems.len(), 1);
}
