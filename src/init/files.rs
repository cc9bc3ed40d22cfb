//! The files `baton init` writes, in both languages. `{name}`, `{admin}`,
//! `{admin_name}` and `{email}` are filled in by [`super::init`].

use crate::messages::Lang;

/// `baton.toml` with the seeds' service levels, each commented.
pub fn baton_toml(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => {
            r#"# baton 项目设置与流程规则。本文件标记仓库根目录。
# 字段说明:docs/fields.zh-CN.md(`baton schema --format markdown --lang zh-CN`)

[project]
name = "{name}"
timezone = "Asia/Shanghai"     # 所有本地时间按此时区
calendar = "cn"                # 内置中国法定节假日与调休;公司自定假日见 calendars/
locale = "zh-CN"               # 提示语言

[workday]
start = "09:00"
end = "18:00"                  # 日期型截止时间指当天 18:00
update_by = "17:00"            # 每日 17:00 前更新进度(种子 000)

[sla]                          # 时长:"24h" 小时,"2wd" 工作日,"3d" 自然日
request_ack = "1wd"            # 协作需求 1 个工作日内答复(种子 001)
meeting_notice = "1d"          # 会议提前 1 天通知(种子 000)
meeting_notice_major = "3wd"   # 复杂议题提前 3 个工作日通知(种子 000)
agenda_before = "24h"          # 议程提前 24 小时发出(种子 001)
minutes = "24h"                # 会后 24 小时内发出纪要(种子 000/002)
action_confirm = "1wd"         # 待办负责人 1 个工作日内确认(种子 000)
progress_update = "1wd"        # 进度至少每个工作日更新一次(种子 000/003)
blocked_escalate = "2wd"       # 阻塞超过 2 个工作日上报上级(种子 000)
acceptance = "2wd"             # 交付后 2 个工作日内验收(种子 000)
retrospective = "3wd"          # 验收后 3 个工作日内复盘(种子 001)
due_soon = "3wd"               # 截止前 3 个工作日预警(种子 002/003)

# [ids]                        # `baton new` 的编号规则;分支多的团队可用日期加随机码
# task = "T-{yyyymmdd}-{rand}"

# [[notify]]                   # baton notify:提醒发到群聊;地址与密钥只放在 CI 密钥里
# name = "项目群"
# kind = "feishu"              # feishu | lark | dingtalk | wecom | slack | webhook
# url_env = "BATON_FEISHU_URL"
# secret_env = "BATON_FEISHU_SECRET"
# keywords = ["baton"]
"#
        }
        Lang::En => {
            r#"# baton project settings and process rules. This file marks the root.
# Field reference: docs/fields.en.md (`baton schema --format markdown`)

[project]
name = "{name}"
timezone = "Asia/Shanghai"     # every local time is in this zone
calendar = "cn"                # built-in official holidays and make-up days; company days off in calendars/
locale = "en"                  # message language: "en" or "zh-CN"

[workday]
start = "09:00"
end = "18:00"                  # a date deadline means the end of that working day
update_by = "17:00"            # daily progress cut-off (seed 000)

[sla]                          # durations: "24h" clock hours, "2wd" working days, "3d" calendar days
request_ack = "1wd"            # answer a request within 1 working day (seed 001)
meeting_notice = "1d"          # announce a meeting 1 day before (seed 000)
meeting_notice_major = "3wd"   # complex topics: 3 working days before (seed 000)
agenda_before = "24h"          # agenda 24 hours before (seed 001)
minutes = "24h"                # minutes within 24 hours (seeds 000/002)
action_confirm = "1wd"         # action owners confirm within 1 working day (seed 000)
progress_update = "1wd"        # progress at least every working day (seeds 000/003)
blocked_escalate = "2wd"       # escalate work blocked 2 working days (seed 000)
acceptance = "2wd"             # accept a delivery within 2 working days (seed 000)
retrospective = "3wd"          # retrospective within 3 working days of acceptance (seed 001)
due_soon = "3wd"               # warn 3 working days before a deadline (seeds 002/003)

# [ids]                        # how `baton new` numbers items; teams that branch a lot:
# task = "T-{yyyymmdd}-{rand}"

# [[notify]]                   # baton notify: reminders to a group chat; URL and secret only in CI secrets
# name = "project group"
# kind = "slack"               # feishu | lark | dingtalk | wecom | slack | webhook
# url_env = "BATON_SLACK_URL"
# keywords = ["baton"]
"#
        }
    }
}

/// `org.toml` with one department and its admin.
pub fn org_toml(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => {
            r#"# 部门与人员。manager 是阻塞上报对象;role 决定谁能改什么(viewer/editor/admin)。
# emails 用于把 git 提交与人对应;github 用于拉取请求作者。

[[department]]
id = "pmo"
name = "项目管理办公室"
head = "{admin}"

[[person]]
id = "{admin}"
name = "{admin_name}"
department = "pmo"
emails = [{email}]
role = "admin"

# [[department]]
# id = "rnd"
# name = "研发部"
# head = "li.gong"
#
# [[person]]
# id = "li.gong"
# name = "李工"
# department = "rnd"
# manager = "{admin}"
# emails = ["li.gong@example.com"]
"#
        }
        Lang::En => {
            r#"# Departments and people. `manager` is who blocked work escalates to;
# `role` decides who may change what (viewer, editor, admin). `emails`
# match git commit authors; `github` the pull-request author.

[[department]]
id = "pmo"
name = "Project office"
head = "{admin}"

[[person]]
id = "{admin}"
name = "{admin_name}"
department = "pmo"
emails = [{email}]
role = "admin"

# [[department]]
# id = "rnd"
# name = "R&D"
# head = "li.gong"
#
# [[person]]
# id = "li.gong"
# name = "Li Gong"
# department = "rnd"
# manager = "{admin}"
# emails = ["li.gong@example.com"]
"#
        }
    }
}

/// `templates/<kind>/<name>.toml`: (path below templates/, text).
pub fn templates(lang: Lang) -> Vec<(&'static str, &'static str)> {
    match lang {
        Lang::Zh => vec![
            (
                "task/default.toml",
                r#"# 任务模板(种子 003):名称、唯一负责人、起止日期、交付物、关联需求。
# baton new task title=… owner=… due=2027-03-05 request=REQ-001
title = ""
status = "todo"
progress = 0
deliverable = ""               # 交付物,例如《接口调试报告》
acceptance = ""                # 验收标准,尽量量化:覆盖率 ≥ 90%
"#,
            ),
            (
                "request/default.toml",
                r#"# 协作需求(种子 001 模板,5W1H)。baton new request title=… from.department=… from.contact=…
title = ""
from = { department = "", contact = "" }
why = ""                       # 背景与原因
what = ""                      # 具体要做什么,可量化的交付标准
where = ""
how = ""                       # 沟通方式与节奏
"#,
            ),
            (
                "meeting/default.toml",
                r#"# 会议(种子 000):提前通知、议程、纪要与待办。baton new meeting title=… start=… end=…
title = ""
major = false                  # 复杂议题需提前 3 个工作日通知
"#,
            ),
            ("meeting/weekly.toml", super::super::edit::new::WEEKLY),
            (
                "change/default.toml",
                r#"# 需求变更申请(种子 002):写明每一项变更及影响,由双方审批。
# baton new change title=… reason=… impact=…,再用 baton set 添加 [[change]] 或手工编辑
title = ""
reason = ""
impact = ""                    # 影响评估:计划、成本、相关任务
"#,
            ),
            (
                "complaint/default.toml",
                r#"# 客户投诉(种子 002):48 小时内给出处理方案,解决后 3 天内回访。
# baton new complaint title=… customer=… channel=phone owner=…
# 答复:baton set CMP-… response.at=… response.by=… response.plan=…
title = ""
customer = ""
channel = "phone"              # phone | email | im | visit | platform
severity = "minor"             # minor | major | critical
departments = []               # 问题涉及的部门
"#,
            ),
            (
                "agreement/default.toml",
                r#"# 对外协议(种子 002):重要协议先经法务审核,审核通过后再签署。
# baton new agreement title=… counterparty=… kind=supply
title = ""
counterparty = ""
kind = "supply"                # supply | customer | partnership | other
terms = []                     # 关键条款
# 送法务审核:baton set AGR-… legal_review.requested_at=now
# 法务结论:baton set AGR-… legal_review.at=now legal_review.by=… legal_review.verdict=approved
"#,
            ),
            (
                "comm/default.toml",
                r#"# 沟通记录(种子 000/002):电话、邮件、即时消息等沟通 24 小时内书面记录。
# baton new comm topic=… kind=phone at=2027-03-05T10:00 participants=…
topic = ""
kind = "phone"                 # phone | email | im | meeting | visit
urgent = false                 # 紧急事项先电话沟通,再补记录
summary = ""                   # 沟通结论
"#,
            ),
        ],
        Lang::En => vec![
            (
                "task/default.toml",
                r#"# Task template (seed 003): name, one owner, dates, deliverable, linked request.
# baton new task title=… owner=… due=2027-03-05 request=REQ-001
title = ""
status = "todo"
progress = 0
deliverable = ""               # what is handed over
acceptance = ""                # acceptance criteria, measurable: coverage >= 90%
"#,
            ),
            (
                "request/default.toml",
                r#"# Collaboration request (seed 001 template, 5W1H). baton new request title=… from.department=… from.contact=…
title = ""
from = { department = "", contact = "" }
why = ""                       # background
what = ""                      # what exactly, with measurable acceptance
where = ""
how = ""                       # how and how often the departments talk
"#,
            ),
            (
                "meeting/default.toml",
                r#"# Meeting (seed 000): notice, agenda, minutes, action items. baton new meeting title=… start=… end=…
title = ""
major = false                  # complex topics need 3 working days of notice
"#,
            ),
            ("meeting/weekly.toml", super::super::edit::new::WEEKLY),
            (
                "change/default.toml",
                r#"# Change request (seed 002): every change listed, its impact, both sides approve.
title = ""
reason = ""
impact = ""                    # on the plan, the cost, the tasks
"#,
            ),
            (
                "complaint/default.toml",
                r#"# Customer complaint (seed 002): a handling plan within 48 hours, a follow-up visit within 3 days of the resolution.
# baton new complaint title=… customer=… channel=phone owner=…
# Answer: baton set CMP-… response.at=… response.by=… response.plan=…
title = ""
customer = ""
channel = "phone"              # phone | email | im | visit | platform
severity = "minor"             # minor | major | critical
departments = []               # departments involved in the cause
"#,
            ),
            (
                "agreement/default.toml",
                r#"# Agreement (seed 002): legal reviews it before anyone signs.
# baton new agreement title=… counterparty=… kind=supply
title = ""
counterparty = ""
kind = "supply"                # supply | customer | partnership | other
terms = []                     # the key terms
# To legal: baton set AGR-… legal_review.requested_at=now
# Legal's verdict: baton set AGR-… legal_review.at=now legal_review.by=… legal_review.verdict=approved
"#,
            ),
            (
                "comm/default.toml",
                r#"# Communication record (seeds 000/002): calls, mails and chats are written up within 24 hours.
# baton new comm topic=… kind=phone at=2027-03-05T10:00 participants=…
topic = ""
kind = "phone"                 # phone | email | im | meeting | visit
urgent = false                 # urgent matters: phone first, write up after
summary = ""                   # what was agreed
"#,
            ),
        ],
    }
}

/// The team's README: the daily commands.
pub fn readme(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => {
            r#"# {name}

本仓库用 [baton](https://github.com/baton-dev/baton) 管理跨部门协作:需求、会议、任务、变更,
每一项是一个 TOML 文件,通过拉取请求修改,CI 检查截止日期与职责。

## 每天的操作

```sh
baton update T-101 --progress 80 --done "接口1调试完成" --next "接口2调试"   # 17:00 前更新进度
baton deliver T-101                                  # 提交验收
baton accept T-101   /   baton reject T-101 --comments "需补充边界值测试"   # 验收
baton respond REQ-001 --decision accept              # 1 个工作日内答复协作需求
baton confirm MTG-2027-03-01-1 --action "补充用户场景文档"   # 确认待办
baton read MTG-2027-03-01-1                          # 纪要已阅
baton block T-101 --reason "等待测试环境"  /  baton unblock T-101  /  baton escalate T-101
baton new task title="完成接口调试" owner=李工 due=2027-03-05 request=REQ-001
baton new meeting --template weekly                  # 下一次周例会(遇节假日顺延到下一个工作的周一)
baton set T-101 acceptor=张经理                        # 任意字段,保留注释与格式
baton check                                          # 检查整个仓库
baton audit                                          # 逾期、阻塞、负载、SLA
```

每个命令以 `--as 姓名` 或 git 的 user.email 对应的人员身份操作,无权限时拒绝并说明原因;
加 `--commit` 会以该人员身份提交。字段说明:[docs/fields.zh-CN.md](docs/fields.zh-CN.md)
(`baton schema --format markdown --lang zh-CN` 重新生成)。
"#
        }
        Lang::En => {
            r#"# {name}

This repository runs cross-department work with [baton](https://github.com/baton-dev/baton):
requests, meetings, tasks and change requests, one TOML file each, changed
through pull requests that CI checks for deadlines and responsibilities.

## Daily commands

```sh
baton update T-101 --progress 80 --done "API 1 debugged" --next "API 2"   # by 17:00
baton deliver T-101                                   # submit for acceptance
baton accept T-101   /   baton reject T-101 --comments "add boundary tests"
baton respond REQ-001 --decision accept               # within 1 working day
baton confirm MTG-2027-03-01-1 --action "write the user scenarios"
baton read MTG-2027-03-01-1                           # minutes read
baton block T-101 --reason "no test environment"  /  baton unblock T-101  /  baton escalate T-101
baton new task title="Debug the APIs" owner=li.gong due=2027-03-05 request=REQ-001
baton new meeting --template weekly                   # the next weekly meeting
baton set T-101 acceptor=zhang.jingli                 # any field; comments and layout kept
baton check                                           # the whole repository
baton audit                                           # late, blocked, load, service levels
```

Every command acts as a person (`--as NAME`, else git's user.email) and
refuses, with the reason, what that person may not do; `--commit` commits
as them. Field reference: [docs/fields.en.md](docs/fields.en.md)
(`baton schema --format markdown` writes it again).
"#
        }
    }
}

/// The scheduled reminders workflow (GitHub Actions and Gitea Actions).
pub fn notify_workflow(forge: &str) -> Option<(&'static str, &'static str)> {
    const NOTIFY: &str = include_str!("../../example-project/.github/workflows/baton-notify.yml");
    match forge {
        "github" => Some((".github/workflows/baton-notify.yml", NOTIFY)),
        "gitea" => Some((".gitea/workflows/baton-notify.yml", NOTIFY)),
        _ => None,
    }
}

/// The CI configuration for a forge: (path, text).
pub fn ci(forge: &str) -> (&'static str, &'static str) {
    const GITHUB: &str = include_str!("../../example-project/.github/workflows/baton.yml");
    match forge {
        "gitea" => (".gitea/workflows/baton.yml", GITHUB),
        "gitlab" => (
            ".gitlab-ci.yml",
            include_str!("../../example-project/.gitlab-ci.yml"),
        ),
        _ => (".github/workflows/baton.yml", GITHUB),
    }
}
