//! 简体中文文案。

use super::{
    ArchivedAction, Duty, GoalOutcome, Late, ListedHint, Msg, NotPlannedReason, PlanOrigin,
    RefKind, SlaKind, tenths,
};
use crate::time::Duration;

pub(super) fn duration(d: &Duration) -> String {
    match *d {
        Duration::Hours(n) => format!("{n} 小时"),
        Duration::Days(n) => format!("{n} 天"),
        Duration::WorkingDays(n) => format!("{n} 个工作日"),
    }
}

pub(super) fn late(l: &Late) -> String {
    if l.working_days > 0 {
        format!("{} 个工作日", l.working_days)
    } else if l.hours > 0 {
        format!("{} 小时", l.hours)
    } else {
        "不到 1 小时".to_string()
    }
}

fn kind(k: RefKind) -> &'static str {
    match k {
        RefKind::Person => "人员",
        RefKind::Department => "部门",
        RefKind::Task => "任务",
        RefKind::Request => "协作需求",
        RefKind::Calendar => "日历",
        RefKind::Item => "条目",
    }
}

/// TOML type phrases (as the parser reports them) in Chinese.
fn type_name(phrase: &str) -> String {
    let words: &[(&str, &str)] = &[
        ("an integer", "整数"),
        ("a table", "表"),
        ("an array", "数组"),
        ("true or false", "布尔值"),
        ("a string", "字符串"),
        ("a date or date-time", "日期或日期时间"),
        ("a percentage", "百分比"),
        ("a person id", "人员编号"),
        ("string ", "字符串 "),
        ("integer ", "整数 "),
        ("boolean ", "布尔值 "),
        ("floating point ", "浮点数 "),
    ];
    for (en, zh) in words {
        if let Some(rest) = phrase.strip_prefix(en) {
            return format!("{zh}{rest}");
        }
    }
    phrase.to_string()
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join("、")
}

/// 休息的原因:周末,或节假日(有名称时用其名称)。
fn day_off(msg: &Msg) -> String {
    match msg {
        Msg::DayOff { name: Some(name) } => name.clone(),
        Msg::DayOff { name: None } => "休息日".into(),
        _ => "周末".into(),
    }
}

/// A status as written, in Chinese.
fn status_zh(status: &str) -> String {
    match status {
        "todo" => "未开始".to_string(),
        "in_progress" => "进行中".into(),
        "blocked" => "阻塞".into(),
        "delivered" => "已交付".into(),
        "accepted" => "已验收".into(),
        "rejected" => "已驳回".into(),
        "cancelled" => "已取消".into(),
        "draft" => "草稿".into(),
        "submitted" => "已提交".into(),
        "closed" => "已关闭".into(),
        "declined" => "已拒绝".into(),
        other => format!("状态 {other}"),
    }
}

/// The TOML parser's description of a syntax error, in Chinese: the
/// description, then what it expected.
fn toml_detail(detail: &str) -> String {
    let (what, expected) = match detail.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (detail, None),
    };
    let words: &[(&str, &str)] = &[
        ("key with no value", "键后面缺少值"),
        ("string values must be quoted", "字符串值必须加引号"),
        (
            "missing comma between array elements",
            "数组元素之间缺少逗号",
        ),
        (
            "missing comma between key-value pairs",
            "键值对之间缺少逗号",
        ),
        (
            "invalid unquoted key",
            "无效的键名(不加引号的键名只能含字母、数字、`-`、`_`)",
        ),
        ("invalid basic string", "字符串未正确结束"),
        ("invalid multi-line basic string", "多行字符串未正确结束"),
        ("invalid literal string", "字面字符串未正确结束"),
        ("duplicate key", "键重复定义"),
        ("unexpected content", "多余的内容"),
        ("unexpected key or value", "意外的键或值"),
        (
            "missing assignment between key-value pairs",
            "键值对之间缺少赋值",
        ),
        (
            "extra assignment between key-value pairs",
            "键值对之间多了赋值",
        ),
        ("extra `=`", "多了一个 `=`"),
        ("missing value", "缺少值"),
        ("missing value for key", "键缺少值"),
        ("invalid value", "无效的值"),
        ("unclosed array", "数组未闭合"),
        ("unclosed table", "表头未闭合"),
        ("unclosed array table", "数组表头未闭合"),
        ("unclosed inline table", "内联表未闭合"),
        ("extra comma in array", "数组中多了逗号"),
        ("extra comma in inline table", "内联表中多了逗号"),
        ("missing opening quote", "缺少开头的引号"),
        ("missing escaped value", "转义字符后缺少内容"),
        ("invalid comment character", "注释中含有无效字符"),
        (
            "carriage return must be followed by newline",
            "回车符后必须跟换行符",
        ),
        ("unexpected leading zero", "数字不能以 0 开头"),
        ("invalid key-value pair", "无效的键值对"),
        ("unquoted keys cannot be empty", "键名不能为空"),
        ("unexpected `=` in array", "数组中出现了 `=`"),
    ];
    let what_zh = words
        .iter()
        .find(|(en, _)| *en == what)
        .map_or_else(|| what.to_string(), |(_, zh)| (*zh).to_string());
    match expected {
        None => what_zh,
        Some(expected) => {
            let expected = expected
                .replace("literal string", "带引号的字符串")
                .replace("basic string", "带引号的字符串")
                .replace("letters", "字母")
                .replace("numbers", "数字")
                .replace("nothing", "无内容")
                .replace("newline", "换行")
                .replace(" or ", " 或 ");
            format!("{what_zh},应为 {expected}")
        }
    }
}

/// Details of invalid values (durations, dates, percentages, calendars,
/// time zones) in Chinese; values in backticks are kept as written.
fn value_detail(detail: &str) -> String {
    let quoted = |s: &str| s.split('`').nth(1).unwrap_or("").to_string();
    if detail.contains("is not a duration") {
        return format!(
            "`{}` 不是时长:请写整数加单位,如 24h(小时)、3d(自然日)或 2wd(工作日)",
            quoted(detail)
        );
    }
    if detail.contains("is too large for a duration") {
        return format!("`{}` 超出时长的范围", quoted(detail));
    }
    if detail.contains("is not a date (") {
        return format!(
            "`{}` 不是日期:请写 2026-07-08 或 2026-07-08T17:00:00+08:00",
            quoted(detail)
        );
    }
    if let Some(n) = detail.strip_suffix(" is not a percentage from 0 to 100") {
        return format!("{n} 不是 0 到 100 之间的百分比");
    }
    if detail.contains("is not a time of day") {
        return format!("`{}` 不是时刻:请写 \"18:00\" 这样的格式", quoted(detail));
    }
    if detail.starts_with("expected a date like") {
        return format!(
            "此处应为日期(如 2026-07-08),而不是日期时间 `{}`",
            quoted(detail)
        );
    }
    if detail.starts_with("unknown time zone") {
        return format!(
            "未知时区 `{}`(应为 Asia/Shanghai 这样的 IANA 名称)",
            quoted(detail)
        );
    }
    if detail.starts_with("unknown calendar") {
        return format!("未知日历 `{}`", quoted(detail));
    }
    if detail.contains("extends itself through `extends`") {
        return format!("日历 `{}` 通过 `extends` 继承了自己", quoted(detail));
    }
    if detail.contains("could not be read") && detail.starts_with("calendar") {
        return format!("日历 `{}` 无法读取", quoted(detail));
    }
    if detail.contains("is listed both as a holiday and as a working day") {
        let day = detail.split(' ').next().unwrap_or("");
        return format!("{day} 同时被列为假日和工作日");
    }
    if detail.starts_with("the working day ends at") {
        return "工作日的结束时间早于开始时间".into();
    }
    if detail.starts_with("there is no rule") {
        return format!("没有规则 `{}`(见 `baton explain`)", quoted(detail));
    }
    if detail.contains("is not a field baton protects") {
        return format!(
            "`{}` 不是受保护的字段(写作 `<kind>.<field>`)",
            quoted(detail)
        );
    }
    if detail.contains("is not a role") {
        return format!(
            "`{}` 不是角色(可选:owner、manager、lead_head、acceptor、requester、member、organizer、chair、scribe、self、legal、admin、editor、change)",
            quoted(detail)
        );
    }
    if detail.contains("before it starts") {
        return "日期范围的结束早于开始".into();
    }
    if detail.contains("is longer than a year") {
        return "日期范围超过一年".into();
    }
    if let Some(rest) = detail.strip_suffix(" is too large") {
        return format!("{rest} 太大");
    }
    detail.to_string()
}

/// A field's value for messages: 未设置 when absent.
fn value(v: &Option<String>) -> String {
    match v {
        Some(v) if !v.contains('\n') => format!("`{v}`"),
        Some(_) => "一条新记录".into(),
        None => "未设置".into(),
    }
}

/// `a`、`b`(整个条目:路径为空)。
fn field_list(fields: &[String]) -> String {
    let shown: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.is_empty() {
                "整个条目".to_string()
            } else {
                format!("`{f}`")
            }
        })
        .collect();
    if shown.is_empty() {
        "整个条目".into()
    } else {
        shown.join("、")
    }
}

pub(super) fn people(items: &[String]) -> String {
    if items.is_empty() {
        "无人".into()
    } else {
        list(items)
    }
}

fn fields(items: &[String]) -> String {
    items
        .iter()
        .map(|s| field_name(s))
        .collect::<Vec<_>>()
        .join("和")
}

/// Field names the rules report as "missing", in Chinese.
fn field_name(field: &str) -> String {
    match field {
        "owner" => "负责人(owner)".into(),
        "due" => "截止时间(due)".into(),
        "deliverable" => "交付物(deliverable)".into(),
        "acceptance" => "验收标准(acceptance)".into(),
        "reason" => "原因(reason)".into(),
        "alternative" => "替代方案(alternative)".into(),
        other => format!("`{other}`"),
    }
}

fn late_days(n: i64) -> String {
    if n > 0 {
        format!("晚 {n} 个工作日")
    } else {
        "截止当天即超时".into()
    }
}

fn origin(o: &PlanOrigin) -> String {
    match o {
        PlanOrigin::FixedStart(d) => format!("固定开始日期 {d} "),
        PlanOrigin::ProjectStart(d) => format!("项目开始日期 {d} "),
        PlanOrigin::Today(d) => format!("今天({d})"),
        PlanOrigin::Delivered(d) => format!(" {d} 已交付的工作"),
    }
}

fn path_or_none(path: &[String]) -> String {
    if path.is_empty() {
        "无".into()
    } else {
        path.join(" → ")
    }
}

pub(super) fn render(msg: &Msg) -> String {
    match msg {
        Msg::TomlSyntax { detail } => format!("TOML 语法错误:{}", toml_detail(detail)),
        Msg::InvalidUtf8 => "文件不是有效的 UTF-8 编码".into(),
        Msg::FileTooLarge { bytes, limit } => {
            format!("文件大小 {bytes} 字节,超过 {limit} 字节上限,未读取")
        }
        Msg::SymlinkNotFollowed { target } => {
            format!("不跟随指向 `{target}` 的符号链接;条目必须是普通文件")
        }
        Msg::Unreadable { error } => format!("无法读取文件:{error}"),
        Msg::UnknownField { field } => format!("未知字段 `{field}`"),
        Msg::MissingField { field } => format!("缺少必填字段 `{field}`"),
        Msg::WrongType {
            field,
            found,
            expected,
        } => {
            format!(
                "`{field}` 类型错误:应为{},实际为 {}",
                type_name(expected),
                type_name(found)
            )
        }
        Msg::BadEnumValue {
            field,
            value,
            expected,
        } => {
            format!(
                "`{value}` 不是 `{field}` 的有效取值;可选值:{}",
                list(expected)
            )
        }
        Msg::InvalidValue { field, detail } => format!("`{field}` 无效:{}", value_detail(detail)),
        Msg::InvalidFileName { name } => format!(
            "`{name}` 不是有效的条目编号:编号只能使用 ASCII 字母、数字、`.`、`_` 和 `-`,并以字母或数字开头"
        ),
        Msg::DuplicateId { id, first } => format!("编号 `{id}` 已被 `{first}` 使用"),
        Msg::DuplicateOrgId { kind: k, id } => format!("{} `{id}` 重复定义", kind(*k)),
        Msg::OrgMissing => "缺少 org.toml:无法检查人员和部门".into(),
        Msg::SectionRequired { status, section } => {
            format!("状态为 `{status}`,但缺少 `[{section}]` 部分")
        }
        Msg::DidYouMean { candidate } => format!("是否应为 `{candidate}`?"),
        Msg::ExpectedOneOf { candidates } => format!("可选值:{}", list(candidates)),
        Msg::FirstDefinedHere => "首次定义于此".into(),
        Msg::UseArray { example } => format!("请写成列表,例如 {example}"),
        Msg::UnknownReference { kind: k, id } => format!("未知{} `{id}`", kind(*k)),
        Msg::ResponseFromUnaskedDepartment { department } => {
            format!("`{department}` 不是本需求的协助部门,却提交了反馈")
        }
        Msg::DateBeforeStart {
            field,
            date,
            start_field,
            start,
        } => {
            format!("`{field}` {date} 早于 `{start_field}` {start}")
        }
        Msg::CalendarOutOfRange {
            year,
            calendar,
            first,
            last,
        } => format!(
            "日历 `{calendar}` 没有 {year} 年的节假日数据(仅覆盖 {first}–{last} 年);该年只按周末计算休息日"
        ),
        Msg::OwnerMissing => "任务没有负责人".into(),
        Msg::OwnerNotSingle { owners } => {
            format!(
                "任务有 {} 个负责人({});每个任务只能有唯一负责人",
                owners.len(),
                list(owners)
            )
        }
        Msg::OwnerHint => "指定一人为 `owner`;其他人可作为配合部门或拆分为独立任务".into(),
        Msg::LeadMissing { support } => format!("任务有配合部门({}),但没有主责部门", list(support)),
        Msg::LeadHint => "将 `lead` 设为负责推进的主责部门".into(),
        Msg::ActionIncomplete { title, missing } => {
            format!("待办事项「{title}」缺少{}", fields(missing))
        }
        Msg::UnauthorizedChange {
            fields,
            who,
            allowed,
            commit,
        } => {
            let only = if allowed.is_empty() {
                "只有管理员可以修改".to_string()
            } else {
                format!("只有 {} 或管理员可以修改", list(allowed))
            };
            format!(
                "`{who}` 在 {commit} 中修改了 {},但无权修改;{only}",
                field_list(fields)
            )
        }
        Msg::ViewerChange {
            fields,
            who,
            commit,
        } => format!(
            "`{who}` 在 {commit} 中修改了 {},但其角色为只读(viewer),不能修改任何内容",
            field_list(fields)
        ),
        Msg::PolicyChange { file, who, commit } => {
            format!("`{who}` 在 {commit} 中修改了 `{file}`;只有管理员可以修改 baton 的规则文件")
        }
        Msg::UnknownAuthor { author, commit } => {
            format!("{commit} 的作者 {author} 不在 org.toml 的人员中")
        }
        Msg::UnknownAuthorHint => "在 org.toml 中为其添加 `emails`(或 GitHub 账号 `github`)".into(),
        Msg::UnapprovedChange {
            item,
            field,
            from,
            to,
            who,
            commit,
            allowed,
            by_change,
        } => {
            let change = if field.is_empty() {
                format!("删除了 `{item}`")
            } else {
                format!("把 `{field}` 从 {} 改为 {}", value(from), value(to))
            };
            let others = match (allowed.is_empty(), by_change) {
                (true, true) => "只有经批准的变更申请或管理员可以修改".to_string(),
                (true, false) => "只有管理员可以修改".to_string(),
                (false, true) => format!(
                    "只有 {} 可以修改,或由列明此项变更并已批准的变更申请授权",
                    people(allowed)
                ),
                (false, false) => format!("只有 {} 或管理员可以修改", people(allowed)),
            };
            format!("`{who}` 在 {commit} 中{change};{others}")
        }
        Msg::ChangeRequestHint {
            item,
            field,
            from,
            to,
        } => format!(
            "要修改已约定的 {field},请提交变更申请(changes/CR-….toml),写明 [[change]] item = \"{item}\"、field = \"{field}\"、from = {}、to = {},并经双方批准",
            from.as_deref().unwrap_or("(未设置)"),
            to.as_deref().unwrap_or("(未设置)")
        ),
        Msg::ChangeRequestNotAuthorising { id, problem } => match problem {
            ListedHint::From { listed, actual } => format!(
                "变更申请 {id} 列明的原值是 {},但实际为 {}:变更申请只授权它列明的那一项变更",
                value(listed),
                value(actual)
            ),
            ListedHint::To { listed, actual } => format!(
                "变更申请 {id} 列明的新值是 {},而不是 {}",
                value(listed),
                value(actual)
            ),
            ListedHint::Pending { waiting } => {
                format!(
                    "变更申请 {id} 列明了此项变更,但尚未批准:等待 {} 审批",
                    people(waiting)
                )
            }
            ListedHint::Rejected { by } => {
                format!("变更申请 {id} 列明了此项变更,但已被 `{by}` 驳回")
            }
        },
        Msg::ChangeListFrozen { who, commit } => {
            format!("`{who}` 在 {commit} 中修改了变更申请已有审批的变更内容;请另提交新的变更申请")
        }
        Msg::ChangeUndecided {
            requested_at,
            deadline,
            sla,
            waiting,
        } => format!(
            "变更申请提交于 {requested_at},至今未决;应在{}内(即 {deadline} 前)决定;等待 {} 审批",
            duration(sla),
            people(waiting)
        ),
        Msg::ChangeUndecidedHint => {
            "被等待的审批人添加 [[approval]],decision = \"approve\" 或 \"reject\"(驳回须写明意见)"
                .into()
        }
        Msg::ChangeFieldUnknown { item, field } => {
            format!("`{item}` 没有可由变更申请修改的字段 `{field}`")
        }
        Msg::ReportJudgedConflict { paths } => format!(
            "本合并请求与目标分支在 {} 上冲突:改为以合并基准对比其最新提交进行判断",
            paths.join("、")
        ),
        Msg::ReportJudgedUnrelated => {
            "本合并请求与目标分支没有共同历史(浅克隆?):改为以目标分支对比其最新提交进行判断".into()
        }
        Msg::ReportApprovedChange {
            field,
            from,
            to,
            by,
            ..
        } => format!(
            "`{field}` {} → {},已由 {by} 批准",
            from.as_deref().unwrap_or("(未设置)"),
            to.as_deref().unwrap_or("(未设置)")
        ),
        Msg::MeetingOnNonWorkingDay { date, reason } => {
            format!("会议安排在 {date},不是工作日({})", day_off(reason))
        }
        Msg::MinutesDueOnNonWorkingDay { due, sla, reason } => format!(
            "会议纪要应在 {due} 前发出(结束后 {}),该日不是工作日({})",
            duration(sla),
            day_off(reason)
        ),
        Msg::MinutesDueHint => "调整会议时间,或把 `sla.minutes` 改为按工作日计算(\"1wd\")".into(),
        Msg::DependencyNotFinished {
            item,
            status,
            unfinished,
        } => {
            let shown: Vec<String> = unfinished
                .iter()
                .map(|(id, s)| format!("`{id}`({})", status_zh(s)))
                .collect();
            format!(
                "`{item}` 状态为{},但它依赖的任务尚未完成:{}",
                status_zh(status),
                shown.join("、")
            )
        }
        Msg::NotStarted { start, origin: from, deadline, sla } => format!(
            "任务仍未开始:应于 {start} 开始({}),应在{}内(即 {deadline} 前)开始工作",
            origin(from).trim(),
            duration(sla)
        ),
        Msg::NotStartedHint => "开始这项工作(status = \"in_progress\" 并写一条 [[update]]),或商定更晚的开始日期".into(),
        Msg::Waiver(w) => w.zh(),
        Msg::Edit(e) => e.zh(),
        Msg::Notify(n) => n.zh(),
        Msg::Seed(s) => s.zh(),
        Msg::Baseline(b) => b.zh(),
        Msg::TextPrHeader { base, head, base_commit, head_commit } => {
            format!("baton:合并请求 {base}..{head}({base_commit} → {head_commit})")
        }
        Msg::TextChanged { changes } => {
            if changes.is_empty() {
                return "改动:没有 baton 文件".into();
            }
            let shown: Vec<String> = changes
                .iter()
                .map(|(what, how, policy)| {
                    let how = match how.as_str() {
                        "added" => "新增".to_string(),
                        "modified" => "修改".to_string(),
                        "deleted" => "删除".to_string(),
                        other => match other.strip_prefix("renamed:") {
                            Some(from) => format!("由 {from} 移动"),
                            None => other.to_string(),
                        },
                    };
                    if *policy {
                        format!("{what}({how};规则文件,合并后生效)")
                    } else {
                        format!("{what}({how})")
                    }
                })
                .collect();
            format!("改动:{}", shown.join("、"))
        }
        Msg::TextGroup { change, count } => {
            let title = match change.as_str() {
                "new" => "新问题",
                "fixed" => "已修复",
                "existing" => "原有问题",
                other => other,
            };
            format!("{title}:{count}")
        }
        Msg::TextPrSummary { new, new_errors, fixed, existing, items, now } => format!(
            "baton:新问题 {new} 个(其中错误 {new_errors} 个),已修复 {fixed} 个,原有 {existing} 个;共 {items} 个条目(检查时间 {now})"
        ),
        Msg::TextSummary { errors, warnings, infos, waived, items, now } => {
            if errors + warnings + infos == 0 {
                format!("baton:{items} 个条目中没有发现问题(检查时间 {now})")
            } else {
                let waived = match waived {
                    0 => String::new(),
                    n => format!("(其中已豁免 {n} 个)"),
                };
                format!(
                    "baton:错误 {errors} 个,警告 {warnings} 个,提示 {infos} 个{waived};共 {items} 个条目(检查时间 {now})"
                )
            }
        }
        Msg::GanttTip { effort_wd, remaining_wd, slack_wd } => format!(
            "工作量 {effort_wd} 个工作日,剩余 {remaining_wd} 个工作日,浮动 {slack_wd} 个工作日"
        ),
        Msg::SeverityName { severity } => match severity.as_str() {
            "error" => "错误".into(),
            "warning" => "警告".into(),
            "info" => "提示".into(),
            other => other.to_string(),
        },
        Msg::ConfigInvalid { files } => format!("{} 有误,未进行任何检查", files.join("、")),
        Msg::NotRead { why } => match why {
            crate::source::Stray::Extension => "此文件不会被读取:baton 只读取文件夹中以小写 `.toml` 结尾的文件".into(),
            crate::source::Stray::AtRoot => "此条目文件不会被读取:条目应放在 `tasks/`、`requests/`、`meetings/` 或 `changes/` 文件夹中,而不是根目录".into(),
            crate::source::Stray::Folder { meant } => format!("此文件不会被读取:它所在的文件夹不是 baton 的文件夹;是否应为 `{meant}/`?"),
        },
        Msg::KeyInsideTable { key, table } => format!(
            "`{key}` 写在了 `[{table}]` 表里:`[表名]` 这一行之下的键都属于该表"
        ),
        Msg::MoveKeyUp { key, table } => format!(
            "把 `{key}` 移到第一个 `[表名]` 行(即 `[{table}]`)之前,与条目自身的字段写在一起"
        ),
        Msg::DidYouMeanPerson { id, name } => {
            format!("是否应为 `{id}`({name})?人员须用编号(id)而不是姓名")
        }
        Msg::NonAsciiKey { key } => {
            format!("`{key}` 不是 baton 的字段名:字段名用英文书写(如 `owner`、`due`)")
        }
        Msg::FullWidth { found, ascii } => {
            let (found, ascii) = if found == "\u{3000}" {
                ("全角空格".to_string(), "半角空格".to_string())
            } else {
                (format!("全角字符 `{found}`"), format!("半角的 `{ascii}`"))
            };
            format!("{found}:此处 TOML 需要{ascii}(请切换到半角输入)")
        }
        Msg::NotADate { found, date } => format!("`{found}` 不是日期:TOML 的日期写作 {date}"),
        Msg::QuoteValue { value } => format!("文本需要加引号:\"{value}\""),
        Msg::UnreadableItems { files } => format!(
            "有 {} 个条目文件无法读取,已被略去,因此以下结果不完整(`baton check` 会说明原因):{}",
            files.len(),
            files.join(";")
        ),
        Msg::AuditChangesHeading { count } => format!("待审批的变更申请:{count} 项"),
        Msg::AuditChangeColumns => "变更申请\t标题\t申请人\t变更内容\t等待审批\t审批期限".into(),
        Msg::ReportUnattributed { changes } => format!(
            "无法确定以下修改的作者(浅克隆在合并请求内部截断;请使用 fetch-depth: 0):{}",
            changes.join("、")
        ),
        Msg::ArchivedModified { id, action } => format!(
            "`{id}` 在基准版本中已归档,为只读,但本次变更{}了它",
            match action {
                ArchivedAction::Modified => "修改",
                ArchivedAction::Renamed => "移动",
                ArchivedAction::Deleted => "删除",
            }
        ),
        Msg::ArchivedHint => "已归档条目保持不变;后续工作请新建条目记录".into(),
        Msg::Backdated {
            field,
            stated,
            recorded,
        } => {
            format!("`{field}` 记为 {stated},比首次记录它的提交({recorded})早了一天以上")
        }
        Msg::Overdue { due, late: l } => format!("已逾期:截止时间 {due},已超过 {}", late(l)),
        Msg::DueSoon {
            due,
            working_days_left,
        } => match working_days_left {
            0 => format!("今天 {due} 到期"),
            n => format!("即将到期:截止时间 {due},还剩 {n} 个工作日"),
        },
        Msg::DependencyCycle { path, len } => {
            format!("{len} 个任务形成循环依赖:{}", path.join(" → "))
        }
        Msg::CycleHint => "删除循环中的一条 `depends_on`;循环中的任务都无法开始".into(),
        Msg::InfeasibleSchedule {
            due,
            finish,
            late_wd,
            chain,
            origin: o,
            work_wd,
        } => {
            let why = if chain.len() > 1 {
                format!("依赖链 {} 从{}开始", chain.join(" → "), origin(o))
            } else {
                format!("从{}起需 {work_wd} 个工作日", origin(o))
            };
            format!(
                "无法在截止时间 {due} 前完成:计划完成日 {finish},{};{why}",
                late_days(*late_wd)
            )
        }
        Msg::InfeasibleRequest {
            due,
            finish,
            late_wd,
            task,
            chain,
            origin: o,
        } => format!(
            "本需求的任务无法在截止时间 {due} 前完成:`{task}` 计划 {finish} 完成,{};依赖链 {} 从{}开始",
            late_days(*late_wd),
            chain.join(" → "),
            origin(o)
        ),
        Msg::InfeasibleHint => "提前开始依赖链、压缩工作量,或商定更晚的截止时间".into(),
        Msg::NotPlanned { id, reason } => {
            let reason = match reason {
                NotPlannedReason::Cancelled => "已取消".to_string(),
                NotPlannedReason::Cycle => "处于循环依赖中或在其之后(D003)".into(),
                NotPlannedReason::OutOfRange => "工作量超出日历可表示的最后日期".into(),
                NotPlannedReason::After(d) => format!("依赖的 `{d}` 无法排期"),
            };
            format!("`{id}` 未排入计划:{reason}")
        }
        Msg::PlanSummary {
            finish,
            planned,
            now,
        } => match finish {
            Some(finish) => format!("计划完成日 {finish},已排 {planned} 个任务(当前时间 {now})"),
            None => format!("没有可排期的任务(当前时间 {now})"),
        },
        Msg::PlanCriticalPath { path } => {
            if path.is_empty() {
                "关键路径:无".into()
            } else {
                format!("关键路径:{}", path.join(" → "))
            }
        }
        Msg::PlanColumns => "任务\t标题\t主责\t开始\t完成\t工作量\t剩余\t浮动\t截止".into(),
        Msg::GanttLegend => {
            "关键路径\t已完成\t进行中\t未开始\t里程碑\t截止\t今天\t休息日\t调休上班".into()
        }
        Msg::PlanFinishMoved {
            item,
            from,
            to,
            working_days,
            chain,
        } => {
            let subject = match item {
                Some(item) => format!("`{item}` 的"),
                None => "项目".into(),
            };
            let by = match working_days.signum() {
                1 => format!("推迟到 {to}(晚 {working_days} 个工作日)"),
                -1 => format!("提前到 {to}(早 {} 个工作日)", -working_days),
                _ => format!("改为 {to}(同一工作日)"),
            };
            let through = if chain.is_empty() {
                String::new()
            } else {
                format!(",经由 {}", chain.join(" → "))
            };
            format!("{subject}计划完成日从 {from} {by}{through}")
        }
        Msg::PlanFinishLost { item, from } => match item {
            Some(item) => format!("`{item}` 无法再排期(原计划 {from} 完成)"),
            None => format!("项目无法再排期(原计划 {from} 完成)"),
        },
        Msg::PlanFinishGained { item, to } => match item {
            Some(item) => format!("`{item}` 现在可以排期:计划 {to} 完成"),
            None => format!("项目现在可以排期:计划 {to} 完成"),
        },
        Msg::CriticalPathChanged { from, to } => format!(
            "关键路径由 {} 变为 {}",
            path_or_none(from),
            path_or_none(to)
        ),
        Msg::DueOnNonWorkingDay { date, reason } => {
            format!("截止日期 {date} 不是工作日({})", day_off(reason))
        }
        Msg::Weekend | Msg::DayOff { .. } => day_off(msg),
        Msg::CalendarYearHint { year } => format!(
            "国务院公布 {year} 年节假日安排后,运行 `baton calendar import {year}.json`(holiday-cn 格式)并让日历继承它生成的文件;或在 calendars/ 下的日历文件中写明该年的节假日与调休上班日,并声明 `years = [{year}]`"
        ),
        Msg::NotAcknowledged {
            department,
            deadline,
            sla,
        } => format!(
            "部门 `{department}` 尚未反馈;应在提交后 {} 内(即 {deadline} 前)反馈",
            duration(sla)
        ),
        Msg::AcknowledgedLate {
            department,
            at,
            deadline,
            sla,
        } => format!(
            "部门 `{department}` 于 {at} 反馈,晚于 {} 时限 {deadline}",
            duration(sla)
        ),
        Msg::TimeUnknown { field, sla } => {
            format!(
                "未设置 `{field}`,历史记录中也无从得知;无法检查 {} 时限",
                duration(sla)
            )
        }
        Msg::DeclineWithoutAlternative {
            department,
            missing,
        } => {
            format!("部门 `{department}` 拒绝承接,但未说明{}", fields(missing))
        }
        Msg::NeedInfoWithoutReason { department } => {
            format!("部门 `{department}` 要求补充信息,但未说明原因")
        }
        Msg::NoticeMissing { required_by, sla } => {
            format!(
                "没有会议通知记录;应在会前 {}(即 {required_by} 前)发出通知",
                duration(sla)
            )
        }
        Msg::NoticeLate {
            notice_at,
            required_by,
            sla,
        } => {
            format!(
                "会议通知于 {notice_at} 发出,晚于会前 {}({required_by})",
                duration(sla)
            )
        }
        Msg::AgendaMissing { required_by, sla } => {
            format!(
                "没有发送议程;应在会前 {}(即 {required_by} 前)发送",
                duration(sla)
            )
        }
        Msg::AgendaLate {
            agenda_at,
            required_by,
            sla,
        } => {
            format!(
                "议程于 {agenda_at} 发送,晚于会前 {}({required_by})",
                duration(sla)
            )
        }
        Msg::MinutesMissing { end, deadline, sla } => {
            format!(
                "会议于 {end} 结束,{} 内(即 {deadline} 前)未发布会议纪要",
                duration(sla)
            )
        }
        Msg::MinutesLate {
            published_at,
            deadline,
            sla,
        } => {
            format!(
                "会议纪要于 {published_at} 发布,晚于 {} 时限 {deadline}",
                duration(sla)
            )
        }
        Msg::ActionNotConfirmed {
            title,
            owner,
            deadline,
            sla,
        } => format!(
            "`{owner}` 尚未确认待办事项「{title}」;应在纪要发出后 {}(即 {deadline} 前)确认",
            duration(sla)
        ),
        Msg::ActionConfirmedLate {
            title,
            owner,
            at,
            deadline,
            sla,
        } => format!(
            "`{owner}` 于 {at} 确认待办事项「{title}」,晚于 {} 时限 {deadline}",
            duration(sla)
        ),
        Msg::ProgressStale {
            last,
            deadline,
            sla,
        } => {
            format!(
                "自 {last} 起没有进度更新;应在 {} 内(即 {deadline} 前)更新",
                duration(sla)
            )
        }
        Msg::ProgressHint => {
            "添加一条 [[update]],写明 `at`、`by`、`progress`、`done` 和 `next`".into()
        }
        Msg::BlockedNotEscalated {
            since,
            deadline,
            sla,
        } => {
            format!(
                "自 {since} 起阻塞且未上报;阻塞超过 {} 应在 {deadline} 前上报上级",
                duration(sla)
            )
        }
        Msg::BlockedEscalatedLate {
            since,
            at,
            deadline,
        } => {
            format!("自 {since} 起阻塞,{at} 才上报,晚于 {deadline}")
        }
        Msg::BlockedEscalatedToWrongPerson { to, expected } => format!(
            "上报给了 `{to}`,但此人既不是负责人的上级主管,也不是主责部门负责人({})",
            list(expected)
        ),
        Msg::EscalateHint { to } => format!(
            "将 `blocked.escalated_to` 设为 {},并在 `blocked.escalated_at` 记录上报时间",
            list(to)
        ),
        Msg::AcceptanceOverdue {
            delivered_at,
            deadline,
            sla,
        } => {
            format!(
                "{delivered_at} 已交付但尚未验收;应在 {} 内(即 {deadline} 前)完成验收",
                duration(sla)
            )
        }
        Msg::AcceptanceLate {
            delivered_at,
            at,
            deadline,
            sla,
        } => format!(
            "{delivered_at} 交付,{at} 才验收,晚于 {} 时限 {deadline}",
            duration(sla)
        ),
        Msg::RejectionWithoutComments => "验收不通过,但没有修改意见".into(),
        Msg::RejectionHint => "在 `comments` 中写明修改意见".into(),
        Msg::RetrospectiveMissing {
            accepted_at,
            deadline,
            sla,
        } => {
            format!(
                "{accepted_at} 已验收,但 {} 内(即 {deadline} 前)未复盘",
                duration(sla)
            )
        }
        Msg::RetrospectiveLate {
            accepted_at,
            at,
            deadline,
            sla,
        } => format!(
            "{accepted_at} 验收,{at} 才复盘,晚于 {} 时限 {deadline}",
            duration(sla)
        ),
        Msg::VagueWording { term, field } => format!("`{field}` 中有模糊表述「{term}」"),
        Msg::VagueHint => "请改为可量化的指标和明确的日期".into(),
        Msg::MissingDeliverable { missing } => format!("任务缺少{}", fields(missing)),
        Msg::AgendaUntimed { topic } => format!("议程「{topic}」没有时长"),
        Msg::AgendaUntimedHint => "用 `minutes` 设定该议题的时长(分钟)".into(),
        Msg::ReportFailed {
            new_errors,
            new_warnings,
            fixed,
        } => {
            format!("baton:新增 {new_errors} 个错误 · 新增 {new_warnings} 个警告 · 修复 {fixed} 个")
        }
        Msg::ReportPassed {
            new_warnings,
            fixed,
            existing,
        } => {
            format!(
                "baton:没有新增错误 · 新增 {new_warnings} 个警告 · 修复 {fixed} 个 · 原有 {existing} 个"
            )
        }
        Msg::ReportTotals {
            errors,
            warnings,
            infos,
        } => {
            format!("baton:{errors} 个错误 · {warnings} 个警告 · {infos} 条提示")
        }
        Msg::ReportContext {
            base,
            head,
            now,
            items,
        } => {
            format!("基准 {base} → 变更 {head} · 检查时间 {now} · 共 {items} 个条目")
        }
        Msg::ReportNew => "本次变更新增".into(),
        Msg::ReportFixed => "本次变更修复".into(),
        Msg::ReportExisting { count } => format!("变更前已存在({count})"),
        Msg::ReportFindings => "检查结果".into(),
        Msg::ReportChangedTasks => "变更的任务及其前置、后续任务".into(),
        Msg::ReportPolicyChanged { files } => {
            format!(
                "本次变更修改了规则文件({}):本次仍按基准版本的规则检查,合并后生效",
                list(files)
            )
        }
        Msg::ReportSchedule => "计划影响:本次变更推迟或提前了什么".into(),
        Msg::ProgressLoading => "读取文件".into(),
        Msg::ProgressHistory => "遍历提交历史".into(),
        Msg::ReportColumns => "|规则|条目|位置|说明".into(),
        Msg::ReportOmitted { count } => {
            format!("… 另有 {count} 条未显示:评论将超过 GitHub 的长度上限")
        }
        // ── 审计 ──
        Msg::AuditTitle { project, now } => format!("{project} 项目审计(截至 {now})"),
        Msg::AuditScope { department, person } => {
            let mut parts = Vec::new();
            if let Some(d) = department {
                parts.push(format!("部门 `{d}`"));
            }
            if let Some(p) = person {
                parts.push(format!("人员 `{p}`"));
            }
            format!("仅显示与{}相关的内容", parts.join("、"))
        }
        Msg::AuditCounters { due_soon } => format!(
            "未完成\t阻塞\t逾期\t{}内到期\t待验收\t本周验收",
            duration(due_soon)
        ),
        Msg::AuditLateHeading => "逾期事项".into(),
        Msg::AuditNothingLate => "没有逾期事项".into(),
        Msg::AuditDueSoonHeading { sla } => format!("{}内到期", duration(sla)),
        Msg::AuditDueColumns => "条目\t标题\t负责人\t截止\t逾期/剩余".into(),
        Msg::AuditBlockedHeading => "阻塞中".into(),
        Msg::AuditBlockedColumns => "任务\t标题\t负责人\t阻塞起始\t原因\t已上报".into(),
        Msg::AuditAwaitingHeading => "已交付、待验收".into(),
        Msg::AuditAwaitingColumns => "条目\t标题\t验收人\t交付时间\t验收期限".into(),
        Msg::AuditAcceptedHeading => "本周验收通过".into(),
        Msg::AuditDepartmentsHeading { days, from, to } => format!(
            "部门负荷:未来 {days} 个工作日({from} 至 {to})的计划工作量与产能(人数 × {days})"
        ),
        Msg::AuditDepartmentColumns => {
            "部门\t人数\t主责未完成\t配合\t逾期\t阻塞\t负荷\t产能\t负荷率".into()
        }
        Msg::AuditOverloaded { departments } => {
            if departments.is_empty() {
                "没有超负荷的部门".into()
            } else {
                format!("超负荷:{}", departments.join("、"))
            }
        }
        Msg::AuditOverloadedMark => "超负荷".into(),
        Msg::AuditPeopleHeading { days } => {
            format!("个人提醒:{days} 个工作日内到期、待确认、待验收、待审批")
        }
        Msg::AuditPeopleColumns => "人员\t事项\t条目\t标题\t期限".into(),
        Msg::AuditDuty { duty } => match duty {
            Duty::Overdue => "已逾期",
            Duty::Due => "即将到期",
            Duty::Confirm => "待确认",
            Duty::Accept => "待验收",
            Duty::Decide => "待审批",
            Duty::Answer => "待答复投诉",
            Duty::Visit => "待回访",
            Duty::Review => "待法务审核",
        }
        .into(),
        Msg::AuditNobodyWaiting => "近期没有到期事项,也没有待确认或待验收的事项".into(),
        Msg::AuditSlaHeading { days, from, to } => {
            format!("服务时限达成情况:最近 {days} 天({from} 至 {to}),时长按工作小时计")
        }
        Msg::AuditSlaColumns => {
            "时限\t要求\t件数\t达标\t超时\t进行中\t中位数\t最长\t最长的一件".into()
        }
        Msg::AuditSlaUnknown { count } => {
            format!("{count} 件时间不明,未计入达标或超时")
        }
        Msg::SlaName { sla } => match sla {
            SlaKind::RequestAck => "需求反馈",
            SlaKind::Minutes => "会议纪要",
            SlaKind::ActionConfirm => "待办确认",
            SlaKind::BlockedEscalate => "阻塞上报",
            SlaKind::Acceptance => "交付验收",
            SlaKind::Retrospective => "复盘",
            SlaKind::ComplaintResponse => "投诉答复",
            SlaKind::ComplaintFollowUp => "投诉回访",
            SlaKind::LegalReview => "法务审核",
            SlaKind::CommRecord => "沟通记录",
        }
        .into(),
        Msg::WorkingHours { minutes } => format!("{} 小时", tenths(*minutes)),
        Msg::LateBy { late: l } => late(l),
        Msg::WorkingDaysLeft { working_days } => format!("剩 {working_days} 个工作日"),
        Msg::AuditPlanHeading => "计划:关键路径与未完成需求".into(),
        Msg::AuditProjectFinish { finish } => match finish {
            Some(finish) => format!("计划完成日 {finish}"),
            None => "没有可排期的任务".into(),
        },
        Msg::AuditRequestColumns => "需求\t标题\t状态\t截止\t计划完成\t浮动".into(),
        Msg::RequestSlack { slack_wd } => match slack_wd {
            None => "未排期".into(),
            Some(0) => "截止当天完成".into(),
            Some(n) if *n > 0 => format!("提前 {n} 个工作日"),
            Some(n) => format!("晚 {} 个工作日", -n),
        },
        Msg::AuditNoOpenRequest => "没有未完成的协作需求".into(),
        Msg::AuditNoPlan => "无法排期:日历中没有工作日".into(),
        Msg::Status { status } => status_zh(status),
        Msg::DecisionName { decision } => match decision.as_str() {
            "accept" => "接受".to_string(),
            "decline" => "拒绝".into(),
            "need_info" => "需补充信息".into(),
            other => format!("决定 {other}"),
        },
        Msg::Nothing => "无".into(),
        // ── 周报与月度复盘 ──
        Msg::WeeklyTitle {
            project,
            week,
            from,
            to,
        } => format!("项目周报 {week} · {project}({from} 至 {to})"),
        Msg::WeeklySummary {
            updates,
            accepted,
            overdue,
            blocked,
            meetings,
        } => format!(
            "进度更新 {updates} 条 · 验收通过 {accepted} 项 · 逾期 {overdue} 个任务 · 阻塞 {blocked} 个任务 · 会议 {meetings} 场"
        ),
        Msg::WeeklyDoneHeading => "上周完成".into(),
        Msg::WeeklyPlanHeading { from, to } => format!("本周计划({from} 至 {to})"),
        Msg::WeeklyRisksHeading => "风险与阻塞".into(),
        Msg::WeeklyMeetingsHeading => "会议决议与待办事项".into(),
        Msg::WeeklyDecisions => "决议".into(),
        Msg::WeeklyActionColumns => "待办事项\t负责人\t截止\t确认".into(),
        Msg::WeeklyNoRequest => "未关联协作需求的工作".into(),
        Msg::WeeklyStatusChange {
            from,
            to,
            commit,
            who,
        } => format!("状态 {from} → {to}(提交 {commit},{who})"),
        Msg::PlannedDates { start, finish } => match (start, finish) {
            (Some(s), Some(f)) if s == f => format!("计划 {s}"),
            (Some(s), Some(f)) => format!("计划 {s} 至 {f}"),
            (Some(s), None) => format!("计划 {s} 开始"),
            (None, Some(f)) => format!("计划 {f} 完成"),
            (None, None) => "未排期".into(),
        },
        Msg::BlockedSince {
            since,
            escalated_to,
        } => {
            let since = match since {
                Some(s) => format!("自 {s} 起阻塞"),
                None => "阻塞".into(),
            };
            match escalated_to {
                Some(to) => format!("{since},已上报 {to}"),
                None => format!("{since},尚未上报"),
            }
        }
        Msg::RiskLine { owner } => match owner {
            Some(owner) => format!("风险(跟踪人 {owner})"),
            None => "风险(无人跟踪)".into(),
        },
        Msg::MitigationLabel => "应对".into(),
        Msg::DueDate { date } => format!("截止 {date}"),
        Msg::MonthlyTitle { project, month } => format!("月度复盘报告 {month} · {project}"),
        Msg::MonthlyGoalsHeading => "目标达成:本月到期事项".into(),
        Msg::MonthlyGoalsSummary { met, due } => {
            format!("本月到期 {due} 项,按期验收 {met} 项")
        }
        Msg::MonthlyGoalColumns => "条目\t标题\t主责\t截止\t结果".into(),
        Msg::Goal { outcome } => match outcome {
            GoalOutcome::AcceptedOnTime => "按期验收".to_string(),
            GoalOutcome::AcceptedLate(n) if *n > 0 => format!("逾期 {n} 个工作日后验收"),
            GoalOutcome::AcceptedLate(_) => "逾期验收".into(),
            GoalOutcome::Delivered => "已交付、待验收".into(),
            GoalOutcome::Overdue => "逾期未完成".into(),
            GoalOutcome::Open => "进行中、未到期".into(),
            GoalOutcome::Dropped => "已取消或拒绝".into(),
        },
        Msg::MonthlySlaHeading { from, to } => {
            format!("服务时限达成情况({from} 至 {to}),时长按工作小时计")
        }
        Msg::MonthlyDelaysHeading => "延误的常见原因".into(),
        Msg::MonthlyBlockedReasons => "阻塞原因".into(),
        Msg::MonthlyBlockedColumns => "任务\t标题\t主责\t阻塞起始\t原因".into(),
        Msg::MonthlyLateByDepartment => "按主责部门统计的延误".into(),
        Msg::MonthlyLateColumns => "部门\t延误数\t条目".into(),
        Msg::MonthlyRules => "最常见的检查结果".into(),
        Msg::MonthlyRuleColumns => "规则\t名称\t次数\t条目".into(),
        Msg::MonthlyRetroHeading => "复盘改进措施(仍在清单上)".into(),
        Msg::MonthlyRetroColumns => "需求\t措施\t复盘时间".into(),
        // ── 日历 ──
        Msg::IcsCalendarName { project } => format!("{project} 截止日与会议"),
        Msg::IcsTaskDue { id, title } => format!("截止:{id} {title}"),
        Msg::IcsRequestDue { id, title } => format!("需求截止:{id} {title}"),
        Msg::IcsActionDue { title } => format!("待办截止:{title}"),
        Msg::IcsDueDetails {
            owner,
            deadline,
            zone,
        } => match owner {
            Some(owner) => format!("负责人 {owner};截止 {deadline}({zone})"),
            None => format!("截止 {deadline}({zone})"),
        },
        Msg::IcsMeetingDetails { organizer, chair } => {
            let mut parts = Vec::new();
            if let Some(o) = organizer {
                parts.push(format!("组织人 {o}"));
            }
            if let Some(c) = chair {
                parts.push(format!("主持人 {c}"));
            }
            if parts.is_empty() {
                "会议".into()
            } else {
                parts.join(";")
            }
        }
        Msg::IcsReminder {
            title,
            working_days,
        } => format!("{working_days} 个工作日后到期:{title}"),
        // ── 看板 ──
        Msg::DashboardNav => "总览\t进度计划\t协作需求\t客户投诉\t协议\t沟通记录".into(),
        Msg::DashboardGenerated { now } => format!("由 baton 生成,截至 {now}"),
        Msg::DashboardRequestSections => "任务\t计划\t检查结果\t部门反馈\t风险".into(),
        Msg::DashboardRequestFields => {
            "发起方\t协助方\t背景与目标\t需求描述\t场景/系统\t协作方式\t截止\t状态\t提交时间".into()
        }
        Msg::DashboardTaskColumns => {
            "任务\t标题\t负责人\t状态\t进度\t开始\t完成\t截止\t浮动".into()
        }
        Msg::DashboardResponseColumns => "部门\t反馈人\t时间\t决定\t理由".into(),
        Msg::DashboardRiskColumns => "风险\t应对\t跟踪人".into(),
        Msg::DashboardFindingColumns => "级别\t规则\t条目\t说明".into(),
        Msg::DashboardBack => "返回总览".into(),
    }
}
