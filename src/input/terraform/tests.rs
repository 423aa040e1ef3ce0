use super::*;

fn module(files: &[(&str, &str)]) -> (Vec<SourceFile>, Parsed) {
    module_with(files, &[])
}

fn module_with(files: &[(&str, &str)], given: &[Given]) -> (Vec<SourceFile>, Parsed) {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(n, t)| SourceFile::new(n.into(), t.to_string()))
        .collect();
    let refs: Vec<(FileId, &SourceFile)> = sources
        .iter()
        .enumerate()
        .map(|(i, f)| (i as FileId, f))
        .collect();
    let ctx = Ctx {
        variables: given,
        ..Ctx::default()
    };
    let p = parse_module(&refs, &ctx);
    (sources, p)
}

fn at(f: &SourceFile, s: Span) -> (usize, usize) {
    let lc = f.line_col(s.start as usize);
    (lc.line, lc.column)
}

fn strings(f: &Field<Vec<Field<String>>>) -> Vec<String> {
    f.value
        .as_ref()
        .map(|v| v.iter().filter_map(|i| i.value.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn kics_positive() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/kics/terraform/positive.tf"
    ))
    .unwrap();
    let (f, p) = module(&[("positive.tf", &text)]);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let a = &p.inventory.aggregators;
    assert_eq!(a.len(), 2);
    assert_eq!(
        a[0].address,
        "aws_config_configuration_aggregator.positive1"
    );
    let s = &a[0].account_sources[0];
    assert!(!s.all_regions.explicit);
    assert_eq!(at(&f[0], s.all_regions.span), (4, 3));
    let o = a[1].organization_source.as_ref().unwrap();
    assert_eq!(o.all_regions.value, Some(false));
    assert_eq!(at(&f[0], o.all_regions.span), (16, 19));
    assert!(!o.role_arn.known && o.role_arn.explicit);
}

#[test]
fn variables_tfvars_locals_dynamic() {
    let main = r#"
locals {
  regions = ["eu-west-1", var.extra]
}
resource "aws_config_configuration_aggregator" "a" {
  name = "agg-${var.env}"
  account_aggregation_source {
    account_ids = var.accounts
    all_regions = var.all
    regions     = local.regions
  }
}
resource "aws_config_configuration_aggregator" "b" {
  for_each = toset(["x"])
  name     = each.key
  dynamic "account_aggregation_source" {
    for_each = var.sources
    content {
      account_ids = account_aggregation_source.value.ids
      all_regions = "false"
    }
  }
}
"#;
    let vars = r#"
variable "env" { default = "dev" }
variable "all" {
  type    = bool
  default = true
}
variable "accounts" { default = ["111122223333"] }
variable "extra" { default = "us-east-1" }
variable "sources" {}
"#;
    let (_, p) = module(&[
        ("main.tf", main),
        ("variables.tf", vars),
        ("terraform.tfvars", "all = false\nenv = \"prod\"\n"),
        ("example.tfvars", "all = true\nenv = \"example\"\n"),
    ]);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let a = &p.inventory.aggregators[0];
    assert_eq!(
        a.name.value.as_deref(),
        Some("agg-prod"),
        "example.tfvars is not applied"
    );
    let s = &a.account_sources[0];
    assert_eq!(s.all_regions.value, Some(false));
    assert_eq!(strings(&s.regions), ["eu-west-1", "us-east-1"]);
    assert_eq!(strings(&s.account_ids), ["111122223333"]);
    let b = &p.inventory.aggregators[1];
    assert_eq!(b.address, "aws_config_configuration_aggregator.b[\"x\"]");
    assert_eq!(b.name.value.as_deref(), Some("x"));
    // for_each of the dynamic block is unknown: how many sources is unknown.
    assert!(!b.sources_known);
    assert!(b.account_sources.is_empty());
    let env = p
        .inventory
        .variables
        .iter()
        .find(|v| v.name == "env")
        .unwrap();
    assert_eq!(env.from.as_deref(), Some("terraform.tfvars"));
}

#[test]
fn dynamic_blocks_follow_their_for_each() {
    let main = r#"
variable "org" { default = true }
resource "aws_config_configuration_aggregator" "a" {
  name = "a"
  dynamic "account_aggregation_source" {
    for_each = var.org ? [] : [1]
    content {
      account_ids = ["111122223333"]
      all_regions = true
    }
  }
  dynamic "organization_aggregation_source" {
    for_each = var.org ? [1] : []
    content {
      role_arn    = aws_iam_role.r.arn
      all_regions = true
    }
  }
}
"#;
    let (_, p) = module(&[("main.tf", main)]);
    let a = &p.inventory.aggregators;
    assert_eq!(a.len(), 1);
    assert!(a[0].account_sources.is_empty());
    assert!(a[0].organization_source.is_some());
    assert!(a[0].variant.is_none());
    // Without a default, both ways are read, each saying which.
    let main = main.replace(
        "variable \"org\" { default = true }",
        "variable \"org\" { type = bool }",
    );
    let (_, p) = module(&[("main.tf", &main)]);
    let a = &p.inventory.aggregators;
    assert_eq!(a.len(), 2, "{a:#?}");
    assert_eq!(a[0].variant.as_ref().unwrap().words(), "var.org is true");
    assert!(a[0].organization_source.is_some() && a[0].account_sources.is_empty());
    assert_eq!(a[1].variant.as_ref().unwrap().words(), "var.org is false");
    assert!(a[1].organization_source.is_none() && a[1].account_sources.len() == 1);
    // And given on the command line, one way.
    let given = [Given {
        name: "org".into(),
        value: GivenValue::Text("false".into()),
        from: crate::input::Origin::Flag("--var"),
        span: None,
    }];
    let (_, p) = module_with(&[("main.tf", &main)], &given);
    let a = &p.inventory.aggregators;
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].account_sources.len(), 1);
}

#[test]
fn count_zero_is_not_created() {
    let main = r#"
variable "enabled" { default = false }
resource "aws_config_configuration_aggregator" "a" {
  count = var.enabled ? 1 : 0
  name  = "a"
}
"#;
    let (_, p) = module(&[("main.tf", main)]);
    assert!(p.inventory.aggregators.is_empty());
    assert_eq!(p.inventory.unchecked.len(), 1);
    assert!(
        p.inventory.unchecked[0].reason.contains("count"),
        "{}",
        p.inventory.unchecked[0].reason
    );
    let (_, p) = module(&[("main.tf", &main.replace("false", "true"))]);
    assert_eq!(
        p.inventory.aggregators[0].address,
        "aws_config_configuration_aggregator.a[0]"
    );
}

#[test]
fn awscc_and_json_syntax() {
    let cc = r#"
resource "awscc_config_configuration_aggregator" "org" {
  organization_aggregation_source = {
    role_arn        = "arn:aws:iam::111122223333:role/r"
    all_aws_regions = true
  }
}
"#;
    let (f, p) = module(&[("main.tf", cc)]);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let a = &p.inventory.aggregators[0];
    assert_eq!(a.dialect, Dialect::TerraformAwscc);
    assert!(!a.name_required && !a.name.explicit);
    let o = a.organization_source.as_ref().unwrap();
    assert_eq!(o.all_regions.value, Some(true));
    assert_eq!(at(&f[0], o.all_regions.span), (5, 23));
    let json = r#"{"resource": {"aws_config_configuration_aggregator": {"x": {
  "name": "x",
  "account_aggregation_source": {"account_ids": ["111122223333"], "all_regions": "${var.all}"}
}}}, "variable": {"all": {"default": false}}}"#;
    let (_, p) = module(&[("main.tf.json", json)]);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let s = &p.inventory.aggregators[0].account_sources[0];
    assert_eq!(s.all_regions.value, Some(false));
}

#[test]
fn duplicate_names_in_one_module() {
    let main = r#"
resource "aws_config_configuration_aggregator" "a" {
  name = "same"
  account_aggregation_source {
    account_ids = ["111122223333"]
    all_regions = true
  }
}
resource "aws_config_configuration_aggregator" "b" {
  provider = aws.other
  name     = "same"
  account_aggregation_source {
    account_ids = ["111122223333"]
    all_regions = true
  }
}
resource "aws_config_configuration_aggregator" "c" {
  name = "same"
  account_aggregation_source {
    account_ids = ["111122223333"]
    all_regions = true
  }
}
"#;
    let (_, p) = module(&[("main.tf", main)]);
    let a = &p.inventory.aggregators;
    assert_eq!(
        a[0].duplicate_of.as_deref(),
        Some("aws_config_configuration_aggregator.c")
    );
    assert_eq!(a[1].duplicate_of, None, "another provider configuration");
}

#[test]
fn errors_are_located() {
    let (f, p) = module(&[(
        "bad.tf",
        "resource \"aws_config_configuration_aggregator\" \"x\" {\n  account_aggregation_source {\n    all_regions = \"maybe\"\n  }\n}\n",
    )]);
    assert_eq!(p.errors.len(), 1);
    let lc = f[0].line_col(p.errors[0].input_span().unwrap().1.start);
    assert_eq!((lc.line, lc.column), (3, 19));
    let (_, p) = module(&[(
        "broken.tf",
        "resource \"aws_config_configuration_aggregator\" \"x\" {\n  a = \n",
    )]);
    assert!(p.errors[0].message.starts_with("invalid HCL"));
}

#[test]
fn plan_with_child_modules_and_unknowns() {
    let plan = r#"{"format_version": "1.2",
 "planned_values": {"root_module": {"child_modules": [{"resources": [
   {"address": "module.m.aws_config_configuration_aggregator.x", "type": "aws_config_configuration_aggregator", "name": "x",
    "values": {"name": "x", "account_aggregation_source": [],
               "organization_aggregation_source": [{"all_regions": false, "regions": ["us-east-1"]}]}}]}]}},
 "resource_changes": [{"address": "module.m.aws_config_configuration_aggregator.x",
   "change": {"after_unknown": {"organization_aggregation_source": [{"role_arn": true}]}}}]}"#;
    assert!(looks_like_plan(plan));
    let f = SourceFile::new("plan.json".into(), plan.into());
    let p = parse_plan(0, &f, &Ctx::default());
    assert!(p.errors.is_empty());
    let a = &p.inventory.aggregators[0];
    assert_eq!(a.address, "module.m.aws_config_configuration_aggregator.x");
    let o = a.organization_source.as_ref().unwrap();
    assert_eq!(o.all_regions.value, Some(false));
    assert!(
        !o.role_arn.known,
        "known after apply is unknown, not missing"
    );
}
