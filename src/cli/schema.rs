//! `baton schema`.

use std::path::PathBuf;

use clap::Args;

use super::{Outcome, fail, output};

/// Arguments of `baton schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write one `*.schema.json` per file kind into this folder; without it, print them.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Runs `baton schema`.
pub fn run(args: SchemaArgs) -> Outcome {
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
