//! The organisation: 20 departments of 10 people, with heads, managers,
//! emails and roles.

use std::fmt::Write;

use super::rng::Rng;

const DEPARTMENTS: &[&str] = &[
    "总经理办公室",
    "研发部",
    "市场部",
    "运营部",
    "财务部",
    "人力资源部",
    "法务部",
    "采购部",
    "销售部",
    "客服部",
    "产品部",
    "设计部",
    "测试部",
    "数据部",
    "信息安全部",
    "行政部",
    "供应链部",
    "品牌部",
    "渠道部",
    "质量部",
];
const PEOPLE_PER_DEPARTMENT: usize = 10;
const SURNAMES: &[(&str, &str)] = &[
    ("wang", "王"),
    ("li", "李"),
    ("zhang", "张"),
    ("liu", "刘"),
    ("chen", "陈"),
    ("yang", "杨"),
    ("zhao", "赵"),
    ("huang", "黄"),
    ("zhou", "周"),
    ("wu", "吴"),
    ("xu", "徐"),
    ("sun", "孙"),
    ("hu", "胡"),
    ("zhu", "朱"),
    ("gao", "高"),
    ("lin", "林"),
    ("he", "何"),
    ("guo", "郭"),
    ("ma", "马"),
    ("luo", "罗"),
];
const GIVEN: &[(&str, &str)] = &[
    ("wei", "伟"),
    ("fang", "芳"),
    ("na", "娜"),
    ("min", "敏"),
    ("jing", "静"),
    ("li", "丽"),
    ("qiang", "强"),
    ("lei", "磊"),
    ("jun", "军"),
    ("yang", "洋"),
    ("yong", "勇"),
    ("yan", "艳"),
    ("jie", "杰"),
    ("tao", "涛"),
    ("ming", "明"),
    ("chao", "超"),
    ("xiu", "秀"),
    ("xia", "霞"),
    ("ping", "平"),
    ("gang", "刚"),
];

/// What a person may change (SPEC §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Changes what their responsibilities allow.
    Editor,
    /// Changes anything (the PMO).
    Admin,
    /// Changes nothing; never authors a commit here.
    Viewer,
}

/// A person of org.toml.
#[derive(Debug, Clone)]
pub struct Person {
    /// `wang.wei`.
    pub id: String,
    /// `王伟`.
    pub name: String,
    /// Index of the department.
    pub dept: usize,
    /// Index of the manager (the department head; heads report to the CEO).
    pub manager: Option<usize>,
    /// Role.
    pub role: Role,
}

impl Person {
    /// The email commits are authored with.
    pub fn email(&self) -> String {
        format!("{}@example.com", self.id)
    }
}

/// A department of org.toml.
#[derive(Debug, Clone)]
pub struct Dept {
    /// `d07`.
    pub id: String,
    /// `设计部`.
    pub name: String,
    /// Index of the head.
    pub head: usize,
    /// Editors other than the head: owners, contacts, scribes.
    pub workers: Vec<usize>,
}

/// Departments and people.
#[derive(Debug, Clone)]
pub struct Org {
    /// Departments; `d01` is the general manager's office, whose head is the CEO.
    pub depts: Vec<Dept>,
    /// People.
    pub people: Vec<Person>,
    /// The PMO administrator: imports and archives.
    pub admin: usize,
}

impl Org {
    /// 20 departments × 10 people with unique pinyin ids.
    pub fn generate(rng: &mut Rng) -> Org {
        let mut names: Vec<(usize, usize)> = (0..SURNAMES.len())
            .flat_map(|s| (0..GIVEN.len()).map(move |g| (s, g)))
            .collect();
        rng.shuffle(&mut names);
        let mut people = Vec::new();
        let mut depts = Vec::new();
        for (d, dept_name) in DEPARTMENTS.iter().enumerate() {
            let head = people.len();
            let mut workers = Vec::new();
            for k in 0..PEOPLE_PER_DEPARTMENT {
                let (s, g) = names[people.len()];
                let index = people.len();
                let role = match (d, k) {
                    (0, 1) => Role::Admin,
                    (_, 9) if d % 7 == 5 => Role::Viewer,
                    _ => Role::Editor,
                };
                let manager = match (d, k) {
                    (0, 0) => None,
                    (_, 0) => Some(0),
                    _ => Some(head),
                };
                if k > 0 && role == Role::Editor {
                    workers.push(index);
                }
                people.push(Person {
                    id: format!("{}.{}", SURNAMES[s].0, GIVEN[g].0),
                    name: format!("{}{}", SURNAMES[s].1, GIVEN[g].1),
                    dept: d,
                    manager,
                    role,
                });
            }
            depts.push(Dept {
                id: format!("d{:02}", d + 1),
                name: dept_name.to_string(),
                head,
                workers,
            });
        }
        Org {
            depts,
            people,
            admin: 1,
        }
    }

    /// A random editor of department `dept` other than its head.
    pub fn worker(&self, rng: &mut Rng, dept: usize) -> usize {
        *rng.pick(&self.depts[dept].workers)
    }

    /// A random department other than `not`.
    pub fn other_dept(&self, rng: &mut Rng, not: usize) -> usize {
        let d = rng.below(self.depts.len() - 1);
        if d >= not { d + 1 } else { d }
    }

    /// The person's id.
    pub fn id(&self, person: usize) -> &str {
        &self.people[person].id
    }

    /// The text of org.toml.
    pub fn render(&self) -> String {
        let mut out =
            String::from("# 部门与人员(合成数据)。manager 为阻塞上报对象;role 决定谁能改什么。\n");
        for dept in &self.depts {
            let _ = write!(
                out,
                "\n[[department]]\nid = \"{}\"\nname = \"{}\"\nhead = \"{}\"\n",
                dept.id,
                dept.name,
                self.id(dept.head)
            );
        }
        for person in &self.people {
            let _ = write!(
                out,
                "\n[[person]]\nid = \"{}\"\nname = \"{}\"\ndepartment = \"{}\"\n",
                person.id, person.name, self.depts[person.dept].id
            );
            if let Some(manager) = person.manager {
                let _ = writeln!(out, "manager = \"{}\"", self.id(manager));
            }
            let role = match person.role {
                Role::Editor => "editor",
                Role::Admin => "admin",
                Role::Viewer => "viewer",
            };
            let _ = write!(
                out,
                "emails = [\"{}\"]\ngithub = \"{}\"\nrole = \"{}\"\n",
                person.email(),
                person.id.replace('.', "-"),
                role
            );
        }
        out
    }
}
