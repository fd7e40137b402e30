//! Parsing import rows: bounds, policies, and what each bad cell is called.

use super::*;

#[test]
fn rows_are_typed_and_each_problem_names_its_row_and_column() {
    let text = "SKU,name,class,cost_minor,price_minor\n\
                A-1,Milk,dairy,50,99\n\
                A-2,,dairy,-1,abc\n\
                A-1,Milk again,dairy,1,1\n";
    let p = parse(ImportKind::Products, text);
    assert_eq!(p.total, 3);
    assert_eq!(p.rows.len(), 1);
    let at: Vec<(usize, &str)> = p
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str()))
        .collect();
    assert_eq!(
        at,
        [(3, "name"), (3, "cost_minor"), (3, "price_minor"), (4, "")]
    );
    assert!(
        p.errors[3].message.contains("repeats A-1"),
        "{:?}",
        p.errors[3]
    );
    assert!(
        p.errors[2].message.contains("whole number"),
        "{:?}",
        p.errors[2]
    );
    // Each reader sees the problem in their language; an older report, its English.
    let de = p.errors[2].text(i18n::Lang::De);
    assert_eq!(
        de,
        ("muss eine ganze Zahl sein, nicht „abc“".to_string(), false)
    );
    let old = r#"{"row":3,"column":"sku","message":"is required"}"#;
    let old: RowError = serde_json::from_str(old).unwrap();
    assert_eq!(old.text(i18n::Lang::Nl), ("is required".to_string(), true));
}

#[test]
fn guarded_cells_read_back_and_rows_are_file_lines() {
    let text = "location,sku,on_hand\n\n'-X1,'=A,3\n,,\nS1,'plain,4\nS1,B,x\n";
    let p = parse(ImportKind::StockCounts, text);
    assert_eq!(p.total, 3, "the blank line and the empty row are no rows");
    let keys: Vec<String> = p.rows.iter().map(|(_, r)| r.key()).collect();
    assert_eq!(keys, ["-X1 / =A", "S1 / 'plain"]);
    assert_eq!(
        (p.errors[0].row, p.errors[0].column.as_str()),
        (6, "on_hand")
    );
}

#[test]
fn a_bad_first_line_refuses_the_file() {
    let p = parse(ImportKind::StockCounts, "location,sku,colour\nS1,A,1\n");
    let at: Vec<(usize, &str)> = p
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str()))
        .collect();
    assert_eq!(at, [(1, "colour"), (1, "on_hand")]);
    assert!(p.rows.is_empty());
    let empty = parse(ImportKind::StockCounts, "location,sku,on_hand\n");
    assert_eq!(
        empty.errors[0].message,
        "the file has no rows after the first line"
    );
}

#[test]
fn numbers_are_bounded_and_policies_validated() {
    let p = parse(
        ImportKind::StockCounts,
        "location,sku,on_hand\nS1,A,9223372036854775807\nS1,B,-3\nS1,C,5\n",
    );
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.errors.len(), 2);
    let pol = parse(
        ImportKind::Policies,
        "class,method,safety_stock,case_pack,moq,location\ndairy,min_max,4,6,0,\nfrozen,sometimes,1,0,0,S1\n",
    );
    assert_eq!(pol.rows.len(), 1);
    let cols: Vec<&str> = pol.errors.iter().map(|e| e.column.as_str()).collect();
    assert_eq!(cols, ["method", "case_pack"]);
}

#[test]
fn only_a_forecast_policy_counts_its_order_cycle() {
    let pol = parse(
        ImportKind::Policies,
        "class,method,safety_stock,case_pack,moq,order_cycle
\
         dairy,forecast,0,6,0,yes
frozen,min_max,0,6,0,true
bakery,forecast,0,1,0,
\
         deli,forecast,0,1,0,often
",
    );
    let counted: Vec<(String, bool)> = pol
        .rows
        .iter()
        .filter_map(|(_, r)| match r {
            Row::Policy {
                class, settings, ..
            } => Some((class.clone(), settings.order_cycle)),
            _ => None,
        })
        .collect();
    assert_eq!(
        counted,
        [
            ("dairy".to_string(), true),
            ("frozen".to_string(), false),
            ("bakery".to_string(), false)
        ]
    );
    let cols: Vec<&str> = pol.errors.iter().map(|e| e.column.as_str()).collect();
    assert_eq!(cols, ["order_cycle"]);
}
