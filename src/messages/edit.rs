//! Texts of the commands that write items (`set`, `new`, the verbs of the
//! process, `init`): what they did, and why they refused. Kept apart from
//! the main catalogue so a feature's texts live together;
//! [`super::Msg::Edit`] carries them.

/// A message of a writing command.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // each variant's text is its documentation, below
pub enum EditMsg {
    /// No item has this id.
    UnknownItem { id: String },
    /// The verb does not apply to the item's kind.
    WrongKind {
        id: String,
        verb: String,
        kinds: String,
    },
    /// The field is not in the kind's schema.
    UnknownField {
        field: String,
        kind: String,
        suggestion: Option<String>,
    },
    /// The field is a list of tables: a verb writes those.
    NotSettable { field: String },
    /// The value does not fit the field's type.
    BadValue {
        field: String,
        value: String,
        expected: String,
    },
    /// `FIELD=VALUE` was expected.
    BadAssignment { text: String },
    /// Nobody in org.toml has this id, name or email.
    UnknownPerson { who: String },
    /// No `--as`, and git's `user.email` is no one in org.toml.
    NoActor { email: Option<String> },
    /// The person may not make this change.
    NotEntitled {
        who: String,
        field: String,
        allowed: Vec<String>,
        by_change: bool,
    },
    /// The person is a viewer.
    Viewer { who: String },
    /// The item is archived: read-only.
    Archived { id: String },
    /// The result would not parse or would break the schema.
    Invalid { path: String, problems: Vec<String> },
    /// What was written.
    Written { path: String, fields: Vec<String> },
    /// The command changed nothing.
    Unchanged { path: String },
    /// The commit made with `--commit`.
    Committed { commit: String, message: String },
    /// A file that is there already.
    Exists { path: String },
    /// A file created.
    Created { path: String },
    /// A meeting has no action item with this title.
    NoSuchAction { id: String, title: String },
    /// The task is not blocked.
    NotBlocked { id: String },
    /// Nobody to escalate to.
    NoEscalation { id: String },
    /// No template of this name for the kind.
    NoTemplate { kind: String, name: String },
    /// A required field is missing from `new`.
    MissingField { kind: String, field: String },
    /// The `[ids]` pattern cannot make an id.
    BadIdPattern {
        kind: String,
        pattern: String,
        detail: String,
    },
    /// `--id` names an item that exists, or is not a valid id.
    IdTaken { id: String },
    /// The hint when two branches created the same id.
    IdRace,
}

impl EditMsg {
    /// The English text.
    pub fn en(&self) -> String {
        match self {
            EditMsg::UnknownItem { id } => format!("no item `{id}` in this repository"),
            EditMsg::WrongKind { id, verb, kinds } => {
                format!("`{verb}` applies to {kinds}, and {id} is not one")
            }
            EditMsg::UnknownField {
                field,
                kind,
                suggestion,
            } => match suggestion {
                Some(s) => format!("a {kind} has no field `{field}`; did you mean `{s}`?"),
                None => format!(
                    "a {kind} has no field `{field}` (see `baton schema --format markdown`)"
                ),
            },
            EditMsg::NotSettable { field } => format!(
                "`{field}` is a list of entries: add one with the command of its step (`update`, `respond`, `approve`, …)"
            ),
            EditMsg::BadValue {
                field,
                value,
                expected,
            } => format!("`{field}` takes {expected}, not `{value}`"),
            EditMsg::BadAssignment { text } => {
                format!(
                    "`{text}` is not FIELD=VALUE (or FIELD+=VALUE, FIELD-=VALUE, FIELD= to remove)"
                )
            }
            EditMsg::UnknownPerson { who } => {
                format!("`{who}` is nobody in org.toml (give a person id, display name or email)")
            }
            EditMsg::NoActor { email: Some(email) } => format!(
                "git's user.email `{email}` is nobody's email in org.toml: say who acts with --as PERSON"
            ),
            EditMsg::NoActor { email: None } => {
                "who is acting? give --as PERSON, or set git's user.email to an address in org.toml"
                    .into()
            }
            EditMsg::NotEntitled {
                who,
                field,
                allowed,
                by_change,
            } => {
                let mut whom = allowed.join(", ");
                if *by_change {
                    if !whom.is_empty() {
                        whom.push_str(", ");
                    }
                    whom.push_str("an approved change request");
                }
                if whom.is_empty() {
                    whom.push_str("an admin");
                } else {
                    whom.push_str(" or an admin");
                }
                format!("{who} may not change `{field}`: only {whom} may (SPEC §6)")
            }
            EditMsg::Viewer { who } => {
                format!("{who} is a viewer in org.toml and may not change items")
            }
            EditMsg::Archived { id } => {
                format!("item {id} is archived: archived items are read-only")
            }
            EditMsg::Invalid { path, problems } => format!(
                "nothing written: the change would leave {path} invalid: {}",
                problems.join("; ")
            ),
            EditMsg::Written { path, fields } => format!("wrote {path}: {}", fields.join(", ")),
            EditMsg::Unchanged { path } => format!("{path} already says so: nothing written"),
            EditMsg::Committed { commit, message } => format!("committed {commit}: {message}"),
            EditMsg::Exists { path } => format!("{path} exists: baton does not overwrite it"),
            EditMsg::Created { path } => format!("created {path}"),
            EditMsg::NoSuchAction { id, title } => {
                format!("meeting {id} has no action item titled `{title}`")
            }
            EditMsg::NotBlocked { id } => format!("task {id} is not blocked"),
            EditMsg::NoEscalation { id } => format!(
                "nobody to escalate {id} to: its owner has no manager in org.toml; give --to PERSON"
            ),
            EditMsg::NoTemplate { kind, name } => {
                format!("no template `{name}` for a {kind} (templates/{kind}/{name}.toml)")
            }
            EditMsg::MissingField { kind, field } => {
                format!("a new {kind} needs `{field}`: give {field}=…")
            }
            EditMsg::BadIdPattern {
                kind,
                pattern,
                detail,
            } => format!("the [ids] pattern `{pattern}` for a {kind} cannot make an id: {detail}"),
            EditMsg::IdTaken { id } => format!(
                "`{id}` cannot be a new item's id: it exists already or is not an id (letters, digits, `.`, `_`, `-`)"
            ),
            EditMsg::IdRace => "another branch created this id first: merge the target branch and create the item again with `baton new` (it numbers past the ids there), or rename the file; an [ids] pattern with a random part avoids this".into(),
        }
    }

    /// The Chinese text.
    pub fn zh(&self) -> String {
        match self {
            EditMsg::UnknownItem { id } => format!("仓库中没有事项 `{id}`"),
            EditMsg::WrongKind { id, verb, kinds } => {
                format!("`{verb}` 只适用于{kinds},{id} 不是")
            }
            EditMsg::UnknownField {
                field,
                kind,
                suggestion,
            } => match suggestion {
                Some(s) => format!("{}没有字段 `{field}`;是否是 `{s}`?", kind_zh(kind)),
                None => format!(
                    "{}没有字段 `{field}`(见 `baton schema --format markdown`)",
                    kind_zh(kind)
                ),
            },
            EditMsg::NotSettable { field } => format!(
                "`{field}` 是条目列表:请用对应步骤的命令添加(`update`、`respond`、`approve` 等)"
            ),
            EditMsg::BadValue {
                field,
                value,
                expected,
            } => format!("`{field}` 需要{expected},而不是 `{value}`"),
            EditMsg::BadAssignment { text } => {
                format!("`{text}` 不是 字段=值(或 字段+=值、字段-=值、字段= 表示删除)")
            }
            EditMsg::UnknownPerson { who } => {
                format!("org.toml 中没有 `{who}`(请给出人员 id、姓名或邮箱)")
            }
            EditMsg::NoActor { email: Some(email) } => {
                format!(
                    "git 的 user.email `{email}` 不属于 org.toml 中的任何人:请用 --as 指明操作人"
                )
            }
            EditMsg::NoActor { email: None } => {
                "操作人是谁?请用 --as 指明,或把 git 的 user.email 设为 org.toml 中的邮箱".into()
            }
            EditMsg::NotEntitled {
                who,
                field,
                allowed,
                by_change,
            } => {
                let mut whom = allowed.join("、");
                if *by_change {
                    if !whom.is_empty() {
                        whom.push('、');
                    }
                    whom.push_str("已批准的变更申请");
                }
                if whom.is_empty() {
                    whom.push_str("管理员");
                } else {
                    whom.push_str(" 或管理员");
                }
                format!("{who} 无权修改 `{field}`:只有 {whom} 可以(SPEC §6)")
            }
            EditMsg::Viewer { who } => format!("{who} 在 org.toml 中是只读成员,不能修改事项"),
            EditMsg::Archived { id } => format!("{id} 已归档:归档事项只读"),
            EditMsg::Invalid { path, problems } => {
                format!("未写入:修改会使 {path} 无效:{}", problems.join(";"))
            }
            EditMsg::Written { path, fields } => format!("已写入 {path}:{}", fields.join("、")),
            EditMsg::Unchanged { path } => format!("{path} 已是该值:未写入"),
            EditMsg::Committed { commit, message } => format!("已提交 {commit}:{message}"),
            EditMsg::Exists { path } => format!("{path} 已存在:baton 不会覆盖"),
            EditMsg::Created { path } => format!("已创建 {path}"),
            EditMsg::NoSuchAction { id, title } => format!("{id} 没有标题为 `{title}` 的行动项"),
            EditMsg::NotBlocked { id } => format!("{id} 未处于阻塞状态"),
            EditMsg::NoEscalation { id } => {
                format!("{id} 无人可升级:负责人在 org.toml 中没有上级;请用 --to 指明")
            }
            EditMsg::NoTemplate { kind, name } => {
                format!(
                    "{}没有模板 `{name}`(templates/{kind}/{name}.toml)",
                    kind_zh(kind)
                )
            }
            EditMsg::MissingField { kind, field } => {
                format!("新建{}需要 `{field}`:请给出 {field}=…", kind_zh(kind))
            }
            EditMsg::BadIdPattern {
                kind,
                pattern,
                detail,
            } => format!(
                "[ids] 中{}的编号规则 `{pattern}` 无法生成编号:{detail}",
                kind_zh(kind)
            ),
            EditMsg::IdTaken { id } => {
                format!(
                    "`{id}` 不能作为新事项的编号:已存在或不是合法编号(字母、数字、`.`、`_`、`-`)"
                )
            }
            EditMsg::IdRace => "另一个分支先用了这个编号:先合并目标分支,再用 `baton new` 重新创建(它会接着那里的编号),或给文件改名;[ids] 规则中加入随机部分可避免此情况".into(),
        }
    }
}

/// A kind's name in Chinese (English names pass through).
fn kind_zh(kind: &str) -> &str {
    match kind {
        "task" => "任务",
        "request" => "协作需求",
        "meeting" => "会议",
        "change" => "变更申请",
        "response" => "答复",
        "rejection" => "驳回",
        other => other,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::EditMsg;

    /// One sample of every message of the writing commands.
    pub fn samples() -> Vec<EditMsg> {
        let s = |x: &str| x.to_string();
        vec![
            EditMsg::UnknownItem { id: s("T-9") },
            EditMsg::WrongKind {
                id: s("MTG-1"),
                verb: s("deliver"),
                kinds: s("tasks"),
            },
            EditMsg::UnknownField {
                field: s("deu"),
                kind: s("task"),
                suggestion: Some(s("due")),
            },
            EditMsg::NotSettable { field: s("update") },
            EditMsg::BadValue {
                field: s("due"),
                value: s("next week"),
                expected: s("a date"),
            },
            EditMsg::BadAssignment { text: s("due") },
            EditMsg::UnknownPerson { who: s("周杰") },
            EditMsg::NoActor { email: None },
            EditMsg::NotEntitled {
                who: s("li.gong"),
                field: s("due"),
                allowed: vec![s("zhang.jingli")],
                by_change: true,
            },
            EditMsg::Viewer { who: s("guest") },
            EditMsg::Archived { id: s("T-1") },
            EditMsg::Invalid {
                path: s("tasks/T-1.toml"),
                problems: vec![s("`progress` must be at most 100")],
            },
            EditMsg::Written {
                path: s("tasks/T-1.toml"),
                fields: vec![s("progress"), s("update[3]")],
            },
            EditMsg::Unchanged {
                path: s("tasks/T-1.toml"),
            },
            EditMsg::Committed {
                commit: s("1a2b3c4"),
                message: s("T-1: 进度 80%"),
            },
            EditMsg::Exists {
                path: s("baton.toml"),
            },
            EditMsg::Created {
                path: s("tasks/T-2.toml"),
            },
            EditMsg::NoSuchAction {
                id: s("MTG-1"),
                title: s("补充文档"),
            },
            EditMsg::NotBlocked { id: s("T-1") },
            EditMsg::NoEscalation { id: s("T-1") },
            EditMsg::NoTemplate {
                kind: s("task"),
                name: s("weekly"),
            },
            EditMsg::MissingField {
                kind: s("task"),
                field: s("title"),
            },
            EditMsg::BadIdPattern {
                kind: s("task"),
                pattern: s("T 1"),
                detail: s("`T 1` is not a valid id"),
            },
            EditMsg::IdTaken { id: s("T-101") },
            EditMsg::IdRace,
        ]
    }

    #[test]
    fn every_edit_message_has_a_sample() {
        let mut seen: Vec<usize> = samples()
            .iter()
            .map(|m| match m {
                EditMsg::UnknownItem { .. } => 0,
                EditMsg::WrongKind { .. } => 1,
                EditMsg::UnknownField { .. } => 2,
                EditMsg::NotSettable { .. } => 3,
                EditMsg::BadValue { .. } => 4,
                EditMsg::BadAssignment { .. } => 5,
                EditMsg::UnknownPerson { .. } => 6,
                EditMsg::NoActor { .. } => 7,
                EditMsg::NotEntitled { .. } => 8,
                EditMsg::Viewer { .. } => 9,
                EditMsg::Archived { .. } => 10,
                EditMsg::Invalid { .. } => 11,
                EditMsg::Written { .. } => 12,
                EditMsg::Unchanged { .. } => 13,
                EditMsg::Committed { .. } => 14,
                EditMsg::Exists { .. } => 15,
                EditMsg::Created { .. } => 16,
                EditMsg::NoSuchAction { .. } => 17,
                EditMsg::NotBlocked { .. } => 18,
                EditMsg::NoEscalation { .. } => 19,
                EditMsg::NoTemplate { .. } => 20,
                EditMsg::MissingField { .. } => 21,
                EditMsg::BadIdPattern { .. } => 22,
                EditMsg::IdTaken { .. } => 23,
                EditMsg::IdRace => 24,
            })
            .collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, (0..25).collect::<Vec<_>>());
    }
}
