//! `baton schema`.

use std::path::PathBuf;

use clap::Args;

use super::{Outcome, fail, output};

/// What `baton schema` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    /// JSON Schemas, for editors and validators.
    #[default]
    Json,
    /// The field reference people read: every field, its type, an example,
    /// the rules that read it, who may change it.
    Markdown,
}

/// Arguments of `baton schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write one `*.schema.json` per file kind (or `fields.<lang>.md`) into
    /// this folder; without it, print them.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// JSON Schemas or the Markdown field reference.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Language of the Markdown reference.
    #[arg(long, value_parser = super::parse_lang, default_value = "en")]
    pub lang: crate::messages::Lang,
}

/// Runs `baton schema`.
pub fn run(args: SchemaArgs) -> Outcome {
    if args.format == Format::Markdown {
        let text = crate::fieldref::markdown(args.lang);
        let Some(dir) = args.out else {
            return output::print(&text);
        };
        let path = dir.join(crate::fieldref::file_name(args.lang));
        if let Err(e) = std::fs::create_dir_all(&dir) {
            return fail(format!("cannot create `{}`: {e}", dir.display()));
        }
        if let Err(e) = output::write(Some(&path), &text) {
            return fail(format!("cannot write `{}`: {e}", path.display()));
        }
        say!("wrote {}", path.display());
        return Outcome::Clean;
    }
    let schemas = crate::schema::all();
    let Some(dir) = args.out else {
        let all: String = (schemas.iter())
            .map(|schema| format!("// {}\n{}\n", schema.name, schema.json))
            .collect();
        return output::print(&all);
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return fail(format!("cannot create `{}`: {e}", dir.display()));
    }
    for schema in schemas {
        let path = dir.join(schema.name);
        if let Err(e) = output::write(Some(&path), &schema.json) {
            return fail(format!("cannot write `{}`: {e}", path.display()));
        }
        say!("wrote {}", path.display());
    }
    Outcome::Clean
}
