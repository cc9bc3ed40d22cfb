//! Chinese text for titles, logs and minutes. No entry contains a vague
//! term of rule Q001 (尽快, 大概, TBD, …): vague wording is only planted.

use super::rng::Rng;

const VERBS: &[&str] = &[
    "完成", "编写", "评审", "联调", "上线", "整理", "确认", "优化", "迁移", "验证", "发布", "梳理",
];
const OBJECTS: &[&str] = &[
    "会员注册接口",
    "订单查询接口",
    "优惠券核销接口",
    "季度预算报表",
    "目标用户调研报告",
    "上市活动运营方案",
    "客服话术与FAQ",
    "供应商准入清单",
    "数据看板指标口径",
    "权限审计日志",
    "安装包签名流程",
    "渠道返利结算规则",
    "品牌视觉规范",
    "质量抽检计划",
    "招聘渠道评估",
    "合同模板库",
    "仓储周转报表",
    "支付对账脚本",
    "压测报告",
    "发布检查清单",
];
const DELIVERABLES: &[&str] = &[
    "部署到测试环境的接口,附接口文档与自测报告",
    "《{}》定稿,含修订记录",
    "评审通过的方案文档及评审纪要",
    "上线发布单与回滚预案",
    "数据报表及口径说明",
    "测试用例集与缺陷清单",
];
const CRITERIA: &[&str] = &[
    "单元测试覆盖率≥90%;P0/P1缺陷清零",
    "评审意见全部关闭;相关部门负责人签字确认",
    "按订单号查询P95响应时间≤200ms",
    "报表数据与财务系统核对差异为0",
    "3类异常场景全部返回约定错误码",
    "试运行5个工作日无严重故障",
];
const DONE: &[&str] = &[
    "主流程开发完成",
    "异常分支补充完成",
    "与配合部门对齐接口字段",
    "完成第一轮内部评审",
    "修复评审提出的4个问题",
    "测试环境部署完成",
    "数据口径与财务核对一致",
];
const NEXT: &[&str] = &[
    "补充单元测试",
    "提交评审",
    "联调第二个接口",
    "整理测试报告",
    "准备上线检查清单",
    "与需求方确认验收标准",
];
const REASONS: &[&str] = &[
    "等待测试环境开通",
    "第三方支付沙箱未开通",
    "预算审批未完成",
    "依赖的接口尚未交付",
    "供应商资质材料缺失",
];
const REJECTIONS: &[&str] = &[
    "需补充边界值测试用例",
    "报表口径与财务系统不一致,需重新核对",
    "缺少回滚预案,补充后重新提交",
];
const WHY: &[&str] = &[
    "新品定于本季度上市,上市活动依赖该项支持,不协作将推迟上市日期",
    "客户投诉集中在该环节,需跨部门联合整改",
    "年度审计要求在截止日前完成整改并留档",
    "渠道合作方要求在合同约定日期前完成对接",
];
const WHAT: &[&str] = &[
    "完成3个核心接口的开发与联调,提供测试覆盖率≥90%的联调报告",
    "提交上市活动运营方案并完成活动配置",
    "输出整改方案,明确每项整改的负责人与完成日期",
    "完成系统对接并提供对账结果,差异为0",
];
const WHERE: &[&str] = &[
    "测试环境 / 接口平台",
    "运营活动后台",
    "财务系统与数据仓库",
    "供应商门户",
];
const HOW: &[&str] = &[
    "每日17:00前在任务文件中更新进度;每周一10:00项目周会",
    "每周三10:00例会同步进度,阻塞当天记录到任务的 [blocked] 段",
    "每个工作日站会15分钟,周五提交周报",
];
const MEETINGS: &[&str] = &[
    "需求对接会",
    "项目周会",
    "上线评审会",
    "预算评审会",
    "复盘会",
    "风险评估会",
    "跨部门协调会",
];
const TOPICS: &[&str] = &[
    "上周进度回顾",
    "本周重点任务排期",
    "阻塞问题与上报",
    "验收标准确认",
    "预算口径与付款节奏",
    "风险与应对预案",
    "上线检查清单逐项确认",
];
const DECISIONS: &[&str] = &[
    "接口联调由研发部主责,市场部配合",
    "上线日期不变,测试窗口压缩的风险已上报",
    "预算按评审金额上报",
    "验收标准以本次会议确认的版本为准",
];
const ACTIONS: &[&str] = &[
    "补充用户场景文档",
    "确认技术方案并拆分任务",
    "提交活动运营方案框架",
    "核对预算口径并反馈审批意见",
    "整理风险清单",
    "更新发布检查清单",
    "约定联调时间窗口",
];
const MATERIALS: &[&str] = &[
    "《用户需求调研报告》",
    "《技术资源清单》",
    "《预算申请表》",
    "《上线检查清单》",
];
const RISKS: &[(&str, &str)] = &[
    (
        "测试窗口被假期压缩",
        "节前完成单接口自测,调休日安排联调专场",
    ),
    ("研发人力不足", "协调测试组支援2人"),
    ("第三方环境开通周期不可控", "用挡板服务并行开发"),
];
const HIGHLIGHTS: &[&str] = &["信息同步及时", "阻塞当天上报并解决", "验收标准提前对齐"];
const IMPROVEMENTS: &[&str] = &["需求描述需更细化", "联调时间预留不足", "风险登记不及时"];
const FOLLOW_UPS: &[&str] = &[
    "下次增加需求评审环节",
    "联调前两天冻结接口字段",
    "周会固定检查风险清单",
];

/// A task title.
pub fn task_title(rng: &mut Rng) -> String {
    format!("{}{}", one(rng, VERBS), one(rng, OBJECTS))
}

/// A deliverable, measurable.
pub fn deliverable(rng: &mut Rng) -> String {
    one(rng, DELIVERABLES).replace("{}", one(rng, OBJECTS))
}

/// Acceptance criteria, measurable.
pub fn criteria(rng: &mut Rng) -> String {
    one(rng, CRITERIA).to_string()
}

/// What a progress update reports as done.
pub fn done(rng: &mut Rng) -> &'static str {
    one(rng, DONE)
}

/// What a progress update plans next.
pub fn next(rng: &mut Rng) -> &'static str {
    one(rng, NEXT)
}

/// Why a task is blocked.
pub fn blocked_reason(rng: &mut Rng) -> &'static str {
    one(rng, REASONS)
}

/// Why a review rejected a deliverable.
pub fn rejection(rng: &mut Rng) -> &'static str {
    one(rng, REJECTIONS)
}

/// A request's title.
pub fn request_title(rng: &mut Rng) -> String {
    format!("{}协作需求", one(rng, OBJECTS))
}

/// A request's why, what, where and how.
pub fn five_w(rng: &mut Rng) -> [&'static str; 4] {
    [
        one(rng, WHY),
        one(rng, WHAT),
        one(rng, WHERE),
        one(rng, HOW),
    ]
}

/// A risk and its mitigation.
pub fn risk(rng: &mut Rng) -> (&'static str, &'static str) {
    RISKS[rng.below(RISKS.len())]
}

/// A retrospective: highlight, improvement, follow-up.
pub fn retrospective(rng: &mut Rng) -> [&'static str; 3] {
    [
        one(rng, HIGHLIGHTS),
        one(rng, IMPROVEMENTS),
        one(rng, FOLLOW_UPS),
    ]
}

/// A meeting title.
pub fn meeting_title(rng: &mut Rng) -> String {
    format!("{}{}", one(rng, OBJECTS), one(rng, MEETINGS))
}

/// `n` distinct agenda topics.
pub fn topics(rng: &mut Rng, n: usize) -> Vec<&'static str> {
    distinct(rng, TOPICS, n)
}

/// A decision of the minutes.
pub fn decision(rng: &mut Rng) -> &'static str {
    one(rng, DECISIONS)
}

/// `n` distinct action item titles.
pub fn actions(rng: &mut Rng, n: usize) -> Vec<&'static str> {
    distinct(rng, ACTIONS, n)
}

/// Pre-reading.
pub fn material(rng: &mut Rng) -> &'static str {
    one(rng, MATERIALS)
}

fn one(rng: &mut Rng, pool: &[&'static str]) -> &'static str {
    pool[rng.below(pool.len())]
}

fn distinct(rng: &mut Rng, pool: &[&'static str], n: usize) -> Vec<&'static str> {
    let mut all = pool.to_vec();
    rng.shuffle(&mut all);
    all.truncate(n.min(pool.len()));
    all
}

/// `text` as a TOML basic string.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML array of strings.
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s.as_ref())).collect();
    format!("[{}]", quoted.join(", "))
}
