//! `fieldscreen report`: de-identified aggregate figures from the vault, with every cell below
//! k suppressed (fieldscreen-report). No identifier, free text or date finer than a month
//! leaves this way.

use anyhow::{Result, bail};
use fieldscreen_catalog::Catalog;
use fieldscreen_report::{PublishedTable, TableRequest, Variable, publish_table};
use fieldscreen_vault::Vault;
use jiff::civil::Date;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
    /// A spreadsheet; needs --output.
    Xlsx,
}

pub struct Request {
    pub from: Option<String>,
    pub to: Option<String>,
    pub by: Option<String>,
    pub k: u64,
    pub format: Format,
    pub output: Option<PathBuf>,
}

pub fn variables(by: &str) -> Result<Vec<Variable>> {
    by.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|name| {
            Variable::from_name(name).ok_or_else(|| {
                let known: Vec<&str> = Variable::ALL.iter().map(|v| v.cli_name()).collect();
                anyhow::anyhow!("unknown variable `{name}`; known: {}", known.join(", "))
            })
        })
        .collect()
}

fn render(table: &PublishedTable, format: Format) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Json => (serde_json::to_string_pretty(table)? + "\n").into_bytes(),
        Format::Csv => table.to_csv().into_bytes(),
        Format::Xlsx => {
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet = book.add_worksheet();
            for (r, row) in table.rows().iter().enumerate() {
                let r = u32::try_from(r)?;
                for (c, value) in row.iter().enumerate() {
                    let c = u16::try_from(c)?;
                    match value.parse::<u32>() {
                        Ok(n) if c as usize == row.len() - 1 && r > 0 => sheet.write_number(r, c, n)?,
                        _ => sheet.write_string(r, c, value)?,
                    };
                }
            }
            let note = format!(
                "k = {}; months {} to {}; an empty count is suppressed",
                table.k, table.from, table.to
            );
            sheet.write_string(u32::try_from(table.cells.len() + 2)?, 0, note)?;
            book.save_to_buffer()?
        }
    })
}

/// The months asked for: January of this year to this month unless named.
fn range(req: &Request, today: Date) -> (String, String) {
    let to = req
        .to
        .clone()
        .unwrap_or_else(|| format!("{:04}-{:02}", today.year(), today.month()));
    let from = req.from.clone().unwrap_or_else(|| format!("{:04}-01", today.year()));
    (from, to)
}

pub fn run(vault: &mut Vault, catalog: &Catalog, req: &Request, today: Date) -> Result<ExitCode> {
    let by = variables(req.by.as_deref().unwrap_or_default())?;
    if matches!(req.format, Format::Xlsx) && req.output.is_none() {
        bail!("a spreadsheet needs --output FILE.xlsx");
    }
    let (from, to) = range(req, today);
    if by.is_empty() {
        bail!("name one or two variables with --by");
    }
    let request = TableRequest { by, from, to, k: req.k };
    let published = publish_table(
        vault,
        |id| catalog.protocol(id, Some(today)),
        today,
        &request,
        |n, total| {
            if n % 1000 == 0 {
                eprintln!("… {n} of {total} cases read");
            }
            std::ops::ControlFlow::Continue(())
        },
    )?;
    let skipped = published.without_protocol;
    let bytes = render(&published.table, req.format)?;
    match &req.output {
        Some(p) => std::fs::write(p, bytes)?,
        None => std::io::Write::write_all(&mut std::io::stdout(), &bytes)?,
    }
    if skipped > 0 {
        eprintln!("{skipped} case(s) left out: their protocol is not installed");
    }
    Ok(ExitCode::SUCCESS)
}

/// `fieldscreen report --pipeline`: screened, screened positive, referred, formally
/// identified and assisted persons, by gender and adult/child and per kind of organisation.
pub fn pipeline(vault: &mut Vault, catalog: &Catalog, req: &Request, today: Date) -> Result<ExitCode> {
    let (from, to) = range(req, today);
    let published = fieldscreen_report::publish_pipeline(
        vault,
        |id| catalog.protocol(id, Some(today)),
        today,
        (&from, &to, req.k),
        |n, total| {
            if n % 1000 == 0 {
                eprintln!("… {n} of {total} cases read");
            }
            std::ops::ControlFlow::Continue(())
        },
    )?;
    let bytes = match req.format {
        Format::Csv => published.pipeline.to_csv().into_bytes(),
        Format::Json => (serde_json::to_string_pretty(&published)? + "\n").into_bytes(),
        Format::Xlsx => bail!("the pipeline is written as csv or json"),
    };
    match &req.output {
        Some(p) => std::fs::write(p, bytes)?,
        None => std::io::Write::write_all(&mut std::io::stdout(), &bytes)?,
    }
    eprintln!(
        "{} interview(s) of {} person(s) read; {} interview(s) linked as the same person",
        published.interviews, published.persons, published.linked_interviews,
    );
    if published.without_protocol > 0 {
        eprintln!(
            "{} case(s) left out: their protocol is not installed",
            published.without_protocol
        );
    }
    Ok(ExitCode::SUCCESS)
}
