//! "Did you mean" suggestions for misspelt names.

/// The candidate most similar to `name`, if any is similar enough.
///
/// Uses the Jaro similarity with the threshold clap uses (0.7), and also
/// accepts a candidate that differs only in case or `-`/`_`.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    best_match(name, candidates).map(|(_, c)| c)
}

/// [`did_you_mean`] with the similarity score of the candidate.
fn best_match<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<(f64, &'a str)> {
    let normalized = normalize(name);
    let length = name.chars().count();
    let mut best: Option<(f64, &'a str)> = None;
    // Called with every task id for each unknown reference: no allocation
    // per candidate, and the edit distance only where it can change a score.
    for candidate in candidates {
        if candidate == name {
            continue;
        }
        let score = if candidate.chars().map(normalize_char).eq(normalized.chars()) {
            1.0
        } else {
            let jaro = strsim::jaro(name, candidate);
            if jaro < 0.8
                && length.abs_diff(candidate.chars().count()) <= 1
                && one_slip(name, candidate)
            {
                // Jaro finds no match window in names of three or four
                // letters, so `rdn` would not suggest `rnd`.
                0.8
            } else {
                jaro
            }
        };
        if score > 0.7 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best
}

/// Words people write for baton's fields (English and Chinese), by the
/// field they mean: `deadline` and `截止` are `due`.
const MEANINGS: &[(&str, &[&str])] = &[
    (
        "due",
        &[
            "deadline",
            "due_date",
            "duedate",
            "due_at",
            "截止",
            "截止日期",
            "截止时间",
            "期限",
            "到期日",
        ],
    ),
    (
        "owner",
        &["assignee", "responsible", "负责人", "责任人", "执行人"],
    ),
    (
        "start",
        &["start_date", "begin", "开始", "开始日期", "开始时间"],
    ),
    (
        "effort",
        &["estimate", "workload", "工期", "工作量", "预计工时"],
    ),
    (
        "depends_on",
        &["depends", "dependencies", "dependency", "依赖", "前置任务"],
    ),
    (
        "deliverable",
        &["deliverables", "output", "交付物", "交付成果"],
    ),
    (
        "acceptance",
        &["acceptance_criteria", "criteria", "验收标准", "交付标准"],
    ),
    ("acceptor", &["reviewer", "approver", "验收人"]),
    ("status", &["state", "状态"]),
    ("progress", &["percent", "completion", "进度", "完成度"]),
    ("title", &["name", "subject", "标题", "名称", "主题"]),
    ("lead", &["lead_department", "主责部门", "牵头部门"]),
    (
        "support",
        &["supporting", "support_departments", "配合部门", "协作部门"],
    ),
    ("update", &["updates", "进度更新"]),
    ("review", &["验收"]),
    ("blocked", &["block", "阻塞"]),
    ("archived", &["archive", "归档"]),
    ("milestone", &["里程碑"]),
    ("organizer", &["host", "组织者", "发起人"]),
    ("chair", &["主持人"]),
    ("scribe", &["note_taker", "recorder", "记录人"]),
    (
        "required",
        &["attendees", "participants", "参会人", "与会人"],
    ),
    ("informed", &["cc", "知会人", "抄送"]),
    ("minutes", &["notes", "纪要", "会议纪要"]),
    ("agenda", &["议程"]),
    ("submitted_at", &["submitted", "提交时间"]),
    ("response", &["responses", "反馈", "回复"]),
    ("requested_by", &["requester", "申请人"]),
    ("reason", &["原因", "变更原因"]),
    ("impact", &["影响", "影响评估"]),
    ("approval", &["approvals", "审批"]),
];

/// Every field name [`MEANINGS`] knows, for suggestions where the kind of
/// file is not known (a syntax error).
pub fn field_names() -> Vec<&'static str> {
    MEANINGS.iter().map(|(field, _)| *field).collect()
}

/// The field a misspelt or synonymous name means, among `fields`: by
/// meaning first (`deadline`, or a typo of it, is `due`), then by spelling
/// (`titel` is `title`), whichever is closer.
pub fn field_suggestion<'a>(name: &str, fields: &[&'a str]) -> Option<&'a str> {
    let by_spelling = best_match(name, fields.iter().copied());
    let mut by_meaning: Option<(f64, &'a str)> = None;
    for (field, words) in MEANINGS {
        let Some(target) = fields.iter().copied().find(|f| f == field) else {
            continue;
        };
        let exact = words.iter().any(|w| normalize(w) == normalize(name));
        let score = if exact {
            Some(1.0)
        } else {
            best_match(name, words.iter().copied()).map(|(s, _)| s)
        };
        if let Some(score) = score
            && by_meaning.is_none_or(|(s, _)| score > s)
        {
            by_meaning = Some((score, target));
        }
    }
    match (by_spelling, by_meaning) {
        (Some((s, spelled)), Some((m, meant))) => Some(if m > s { meant } else { spelled }),
        (spelled, meant) => spelled.or(meant).map(|(_, c)| c),
    }
}

/// One typing slip apart (a letter swapped with its neighbour, missing,
/// extra or wrong) between names of at least three characters.
fn one_slip(name: &str, candidate: &str) -> bool {
    name.chars().count() >= 3
        && candidate.chars().count() >= 3
        && strsim::osa_distance(name, candidate) == 1
}

fn normalize(s: &str) -> String {
    s.chars().map(normalize_char).collect()
}

fn normalize_char(c: char) -> char {
    if c == '-' {
        '_'
    } else {
        c.to_ascii_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let fields = ["title", "owner", "due", "depends_on"];
        assert_eq!(did_you_mean("titel", fields), Some("title"));
        let departments = ["gmo", "mkt", "rnd", "ops", "fin"];
        assert_eq!(did_you_mean("rdn", departments), Some("rnd"));
        assert_eq!(did_you_mean("opx", departments), Some("ops"));
        assert_eq!(did_you_mean("hr", departments), None);
        assert_eq!(did_you_mean("xyz", departments), None);
        assert_eq!(did_you_mean("depends-on", fields), Some("depends_on"));
        assert_eq!(did_you_mean("dependencies", fields), Some("depends_on"));
        assert_eq!(did_you_mean("colour", fields), None);
        assert_eq!(did_you_mean("xyz", fields), None);
        assert_eq!(
            did_you_mean("li.gng", ["li.gong", "wang.wu"]),
            Some("li.gong")
        );
    }

    #[test]
    fn fields_are_suggested_by_meaning_and_by_spelling() {
        let task = [
            "title",
            "owner",
            "due",
            "deliverable",
            "acceptance",
            "depends_on",
        ];
        assert_eq!(field_suggestion("dealine", &task), Some("due"));
        assert_eq!(field_suggestion("deadline", &task), Some("due"));
        assert_eq!(field_suggestion("截止", &task), Some("due"));
        assert_eq!(field_suggestion("负责人", &task), Some("owner"));
        assert_eq!(field_suggestion("titel", &task), Some("title"));
        assert_eq!(field_suggestion("deliverabel", &task), Some("deliverable"));
        assert_eq!(field_suggestion("colour", &task), None);
        // A meaning whose field this kind has not: no suggestion from it.
        assert_eq!(field_suggestion("主持人", &task), None);
    }

    /// The definition, one allocation and one edit distance per candidate.
    fn did_you_mean_by_definition<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
        let mut best: Option<(f64, &'a str)> = None;
        for candidate in candidates {
            if *candidate == name {
                continue;
            }
            let score = if normalize(candidate) == normalize(name) {
                1.0
            } else if one_slip(name, candidate) {
                0.8_f64.max(strsim::jaro(name, candidate))
            } else {
                strsim::jaro(name, candidate)
            };
            if score > 0.7 && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, *candidate));
            }
        }
        best.map(|(_, c)| c)
    }

    proptest::proptest! {
        #[test]
        fn the_fast_path_suggests_what_the_definition_does(
            name in "[a-dA-D_.-]{0,6}",
            candidates in proptest::collection::vec("[a-dA-D_.-]{0,6}", 0..12),
        ) {
            let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(
                did_you_mean(&name, candidates.iter().copied()),
                did_you_mean_by_definition(&name, &candidates)
            );
        }
    }
}

/// The ASCII character a full-width one (as a Chinese input method types
/// it) stands for, where TOML needs ASCII: `，` → `,`.
pub fn half_width(c: char) -> Option<char> {
    Some(match c {
        '，' | '、' => ',',
        '：' => ':',
        '＝' => '=',
        '“' | '”' | '＂' => '"',
        '‘' | '’' | '＇' => '\'',
        '；' => ';',
        '（' => '(',
        '）' => ')',
        '【' | '［' => '[',
        '】' | '］' => ']',
        '｛' => '{',
        '｝' => '}',
        '\u{3000}' => ' ',
        '＃' => '#',
        '．' | '。' => '.',
        '－' => '-',
        '＿' => '_',
        _ => return None,
    })
}

/// A date written the way people write dates but TOML does not read
/// (`2027/02/26`, `2027.2.26`, `2027年2月26日`), as TOML writes it.
pub fn date_like(text: &str) -> Option<String> {
    let parts: Vec<&str> = text
        .trim_end_matches('日')
        .split(['/', '.', '年', '月'])
        .collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (y, m, d) = (number(y, 4..=4)?, number(m, 1..=2)?, number(d, 1..=2)?);
    let date = chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some(date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod punctuation_tests {
    use super::*;

    #[test]
    fn full_width_punctuation_and_chinese_dates_are_recognised() {
        assert_eq!(half_width('，'), Some(','));
        assert_eq!(half_width('\u{3000}'), Some(' '));
        assert_eq!(half_width('a'), None);
        assert_eq!(date_like("2027/02/26").as_deref(), Some("2027-02-26"));
        assert_eq!(date_like("2027.2.6").as_deref(), Some("2027-02-06"));
        assert_eq!(date_like("2027年2月26日").as_deref(), Some("2027-02-26"));
        assert_eq!(date_like("2027/02/30"), None);
        assert_eq!(date_like("zhou.jie"), None);
    }
}
