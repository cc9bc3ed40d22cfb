//! The field reference people can read (`baton schema --format
//! markdown`): every kind, every field, its type, an example, the rules
//! whose documentation names it, and who may change it by default — from
//! the same schema, rule registry and authority table the engine uses, so
//! it cannot drift from them.

use serde_json::Value as Json;

use crate::authority::{Class, Role, table};
use crate::edit::value::{PERSON_FIELDS, Shape, shape_of};
use crate::messages::Lang;
use crate::model::ItemKind;
use crate::rules::RULES;

/// The kinds, in the order of SPEC §2.
const KINDS: &[ItemKind] = ItemKind::ALL;

/// The file the reference goes to in a folder: `fields.en.md`,
/// `fields.zh-CN.md`.
pub fn file_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "fields.en.md",
        Lang::Zh => "fields.zh-CN.md",
    }
}

/// The whole reference as Markdown.
pub fn markdown(lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    out.push_str(if zh {
        "# baton 字段说明\n\n由 `baton schema --format markdown --lang zh-CN` 生成:类型来自 JSON Schema,\
         “规则”列是文档中提到该字段的规则(`baton explain 代码` 查看),“谁可以修改”是默认权限(SPEC §6,\
         可在 baton.toml 的 `[authority]` 中覆盖)。命令行写法:`baton set ID 字段=值`,\
         嵌套字段用点号(`blocked.reason=…`),列表用逗号(`support=mkt,ops`)。\n"
    } else {
        "# baton field reference\n\nWritten by `baton schema --format markdown`: types come from the JSON \
         Schemas, *rules* lists the rules whose documentation names the field (`baton explain CODE`), \
         *who may change it* is the default entitlement (SPEC §6; `[authority]` in baton.toml overrides \
         it). On the command line: `baton set ID FIELD=VALUE`, dots for nested fields \
         (`blocked.reason=…`), commas for lists (`support=mkt,ops`).\n"
    });
    for &kind in KINDS {
        let schema = crate::schema::item_schema(kind);
        out.push_str(&format!(
            "\n## {} (`{}/`)\n\n",
            kind_title(kind, zh),
            kind.folder()
        ));
        out.push_str(if zh {
            "| 字段 | 类型 | 说明 | 示例 | 规则 | 谁可以修改 |\n|---|---|---|---|---|---|\n"
        } else {
            "| field | type | meaning | example | rules | who may change it |\n|---|---|---|---|---|---|\n"
        });
        for (path, description) in fields(&schema) {
            let Ok(shape) = shape_of(kind, &path) else {
                continue;
            };
            let leaf = path.rsplit('.').next().unwrap_or(&path);
            out.push_str(&format!(
                "| `{path}` | {} | {} | {} | {} | {} |\n",
                type_name(&shape, zh),
                cell(&description),
                example(&shape, leaf),
                rules_naming(leaf),
                who(kind, &path, zh),
            ));
        }
    }
    out
}

fn kind_title(kind: ItemKind, zh: bool) -> &'static str {
    match (kind, zh) {
        (ItemKind::Task, true) => "任务",
        (ItemKind::Request, true) => "协作需求",
        (ItemKind::Meeting, true) => "会议",
        (ItemKind::Change, true) => "变更申请",
        (ItemKind::Complaint, true) => "客户投诉",
        (ItemKind::Agreement, true) => "协议",
        (ItemKind::Comm, true) => "沟通记录",
        (ItemKind::Task, false) => "Task",
        (ItemKind::Request, false) => "Request",
        (ItemKind::Meeting, false) => "Meeting",
        (ItemKind::Change, false) => "Change request",
        (ItemKind::Complaint, false) => "Complaint",
        (ItemKind::Agreement, false) => "Agreement",
        (ItemKind::Comm, false) => "Communication record",
    }
}

/// Every field path with its description: top-level fields, and one level
/// into tables and lists of tables (`blocked.since`, `update.at`).
fn fields(schema: &Json) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let describe = |node: &Json| {
        node.get("description")
            .and_then(Json::as_str)
            .unwrap_or("")
            .to_string()
    };
    let Some(properties) = schema.get("properties").and_then(Json::as_object) else {
        return out;
    };
    for (name, node) in properties {
        out.push((name.clone(), describe(node)));
        let inner = nested(schema, node);
        if let Some(inner) = inner
            .and_then(|n| n.get("properties"))
            .and_then(Json::as_object)
        {
            for (child, child_node) in inner {
                out.push((format!("{name}.{child}"), describe(child_node)));
            }
        }
    }
    out
}

/// The object a field holds, or holds a list of, following `$ref`.
fn nested<'a>(root: &'a Json, node: &'a Json) -> Option<&'a Json> {
    let node = node.get("items").unwrap_or(node);
    let name = crate::edit::value::definition(node)?;
    let target = root.get("definitions")?.get(name)?;
    (target.get("type").and_then(Json::as_str) == Some("object")).then_some(target)
}

fn scalar_type_name(shape: &Shape, zh: bool) -> String {
    match (shape, zh) {
        (Shape::Bool, false) => "true / false".into(),
        (Shape::Bool, true) => "true / false".into(),
        (Shape::Integer { min, max }, false) => match (min, max) {
            (Some(a), Some(b)) => format!("whole number {a}–{b}"),
            _ => "whole number".into(),
        },
        (Shape::Integer { min, max }, true) => match (min, max) {
            (Some(a), Some(b)) => format!("整数 {a}–{b}"),
            _ => "整数".into(),
        },
        (Shape::Date, false) => "date".into(),
        (Shape::Date, true) => "日期".into(),
        (Shape::When, false) => "date or date-time".into(),
        (Shape::When, true) => "日期或日期时间".into(),
        (Shape::Duration, false) => "duration".into(),
        (Shape::Duration, true) => "时长".into(),
        (Shape::Choice(values), _) => values
            .iter()
            .map(|v| format!("`{v}`"))
            .collect::<Vec<_>>()
            .join(" \\| "),
        (Shape::Text, false) => "text".into(),
        (Shape::Text, true) => "文本".into(),
        (Shape::List(_), false) => "list".into(),
        (Shape::List(_), true) => "列表".into(),
        (Shape::Table, false) => "table".into(),
        (Shape::Table, true) => "表".into(),
        (Shape::Tables, false) => "list of tables".into(),
        (Shape::Tables, true) => "表的列表".into(),
    }
}

/// A field's type in words: `list of date`, `日期列表`.
fn type_name(shape: &Shape, zh: bool) -> String {
    match (shape, zh) {
        (Shape::List(inner), false) => format!("list of {}", scalar_type_name(inner, false)),
        (Shape::List(inner), true) => format!("{}列表", scalar_type_name(inner, true)),
        (other, _) => scalar_type_name(other, zh),
    }
}

fn example(shape: &Shape, leaf: &str) -> String {
    let person = PERSON_FIELDS.contains(&leaf);
    match shape {
        Shape::Bool => "`false`".into(),
        Shape::Integer { .. } => "`80`".into(),
        Shape::Date => "`2027-03-05`".into(),
        Shape::When => "`2027-03-05T17:00:00+08:00`".into(),
        Shape::Duration => "`\"4wd\"`".into(),
        Shape::Choice(values) => values
            .first()
            .map(|v| format!("`\"{v}\"`"))
            .unwrap_or_default(),
        Shape::Text if person => "`\"li.gong\"`".into(),
        Shape::Text => String::new(),
        Shape::List(_) if person => "`[\"li.gong\"]`".into(),
        Shape::List(_) => String::new(),
        Shape::Table | Shape::Tables => String::new(),
    }
}

/// The rules whose documentation names `` `field` ``.
fn rules_naming(field: &str) -> String {
    let quoted = format!("`{field}`");
    RULES
        .iter()
        .filter(|rule| rule.doc.contains(&quoted))
        .map(|rule| rule.code)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Who may change `path` of `kind` by default.
fn who(kind: ItemKind, path: &str, zh: bool) -> String {
    let top = path.split('.').next().unwrap_or(path);
    let entry = table::lookup(kind, path).or_else(|| table::lookup(kind, top));
    let Some(entry) = entry else {
        return if zh { "任何编辑者" } else { "any editor" }.into();
    };
    let grants: Vec<String> = entry
        .default
        .iter()
        .map(|grant| {
            grant
                .iter()
                .map(|role| role_name(*role, zh))
                .collect::<Vec<_>>()
                .join(" + ")
        })
        .collect();
    let class = match (entry.class, zh) {
        (Class::Act, false) => "O004",
        (Class::Schedule, false) => "O005",
        (Class::Act, true) => "O004",
        (Class::Schedule, true) => "O005",
    };
    let joiner = if zh { " 或 " } else { " or " };
    format!("{} ({class})", grants.join(joiner))
}

fn role_name(role: Role, zh: bool) -> String {
    if !zh {
        return role.as_str().to_string();
    }
    match role {
        Role::Owner => "负责人",
        Role::Manager => "负责人的上级",
        Role::LeadHead => "主责部门负责人",
        Role::Acceptor => "验收人",
        Role::Requester => "需求方",
        Role::Member => "部门成员",
        Role::Organizer => "组织者",
        Role::Chair => "主持人",
        Role::Scribe => "记录人",
        Role::Own => "本人",
        Role::Legal => "法务",
        Role::Admin => "管理员",
        Role::Editor => "编辑者",
        Role::Change => "已批准的变更申请",
    }
    .to_string()
}

/// Text safe in a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_every_kind_is_listed_with_its_entitlement() {
        let en = markdown(Lang::En);
        assert!(en.contains("| `due` | date or date-time |"), "{en}");
        assert!(en.contains("| `blocked.reason` | text |"));
        assert!(en.contains("| `update.progress` | whole number 0–100 |"));
        let due = en.lines().find(|l| l.starts_with("| `due` |")).unwrap();
        assert!(
            due.ends_with("| acceptor or lead_head or change (O005) |"),
            "{due}"
        );
        assert!(due.contains("D001"), "{due}");
        let title = en.lines().find(|l| l.starts_with("| `title` |")).unwrap();
        assert!(title.ends_with("| any editor |"), "{title}");
        for kind in KINDS {
            for field in crate::schema::top_level_fields(*kind) {
                assert!(en.contains(&format!("| `{field}` |")), "{field}");
            }
        }
    }

    #[test]
    fn the_chinese_reference_is_chinese() {
        let zh = markdown(Lang::Zh);
        assert!(zh.contains("## 任务 (`tasks/`)"));
        assert!(zh.contains("| `due` | 日期或日期时间 |"));
        assert!(zh.contains("验收人 或 主责部门负责人 或 已批准的变更申请 (O005)"));
    }
}
