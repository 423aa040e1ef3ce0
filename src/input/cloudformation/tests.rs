use super::*;

fn parse_text(name: &str, text: &str) -> (SourceFile, Parsed) {
    let f = SourceFile::new(name.into(), text.to_string());
    let p = parse(0, &f, &Ctx::default());
    (f, p)
}

fn at(f: &SourceFile, s: Span) -> (usize, usize) {
    let lc = f.line_col(s.start as usize);
    (lc.line, lc.column)
}

/// Masking leaves the reader's result as it was, to the byte of every
/// span, on every YAML template of the fixtures and the corpus, and it
/// applies to most of them.
#[test]
fn masked_yaml_reads_as_the_whole() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut masked = 0;
    let mut all = 0;
    for dir in [root.join("fixtures"), root.join("../shared/corpus")] {
        for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
            let path = entry.path();
            if !path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            if !looks_like(&text) {
                continue;
            }
            all += 1;
            let Some(m) = tree::masked_yaml(&text) else {
                continue;
            };
            masked += 1;
            assert_eq!(m.len(), text.len());
            let f = SourceFile::new(path.to_path_buf(), text.clone());
            let unmasked = read_tree(&f, from_yaml(&text));
            let masked_tree = read_tree(&f, from_yaml(&m));
            assert_eq!(unmasked, masked_tree, "{}", path.display());
        }
    }
    assert!(all >= 10 && masked * 2 >= all, "{masked} of {all} masked");
}

/// The aggregators and errors the reader gives from a tree.
fn read_tree(f: &SourceFile, tree: Result<N, (usize, String)>) -> String {
    let Ok(root) = tree else {
        return format!("{tree:?}");
    };
    let p = read(&root, 0, f, &Ctx::default());
    format!("{:?} {:?}", p.inventory.aggregators, p.errors)
}

#[test]
fn masked_yaml_only_for_the_plain_layout() {
    let plain = "Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::Config::ConfigurationAggregator\nOutputs:\n  X:\n    Value: 1\n";
    let m = tree::masked_yaml(plain).unwrap();
    assert_eq!(
            m,
            "Resources:\n  A:\n                         \n  B:\n    Type: AWS::Config::ConfigurationAggregator\nOutputs:\n    \n            \n"
        );
    for text in [
        "Resources:\n\tA: 1\n",
        "Base: &b {Type: x}\nResources:\n  A: *b\n",
        "Resources:\n  A:\n    P: |+\n      x\n",
        "---\nA: 1\n---\nB: 2\n",
        "%YAML 1.2\n---\nA: 1\n",
        "? complex\n: key\n",
        "- a\n- b\n",
        "Resources:\n    A:\n      Type: x\n  B:\n    Type: y\n",
    ] {
        assert_eq!(tree::masked_yaml(text), None, "{text}");
    }
    // An unquoted star inside a value is not an alias.
    assert!(tree::masked_yaml("Resources:\n  A:\n    Action: s3:*\n    R: '*'\n").is_some());
}

#[test]
fn kics_positive1_yaml() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/kics/cloudformation/positive1.yaml"
    ))
    .unwrap();
    let (f, p) = parse_text("positive1.yaml", &text);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let a = &p.inventory.aggregators;
    assert_eq!(a.len(), 4);
    assert_eq!(a[0].address, "ConfigurationAggregator1");
    // The name written outside Properties is not a property.
    assert!(!a[0].name.explicit);
    assert!(!a[0].account_sources[0].all_regions.explicit);
    assert_eq!(at(&f, a[0].account_sources[0].span), (11, 11));
    assert_eq!(a[1].account_sources[0].all_regions.value, Some(false));
    assert_eq!(at(&f, a[1].account_sources[0].all_regions.span), (28, 26));
    let org = a[2].organization_source.as_ref().unwrap();
    assert!(org
        .role_arn
        .value
        .as_deref()
        .unwrap()
        .starts_with("arn:aws:iam::012345678912:role/"));
    assert_eq!(
        a[2].name.value.as_deref(),
        Some("MyConfigurationAggregator")
    );
}

#[test]
fn intrinsics_and_parameters() {
    let text = r#"Parameters:
  On:
    Type: String
    Default: "false"
  NoDefault:
    Type: String
  Accounts:
    Type: CommaDelimitedList
    Default: "111122223333,444455556666"
  Env:
    Type: String
    Default: prod
Resources:
  A:
    Type: AWS::Config::ConfigurationAggregator
    Properties:
      ConfigurationAggregatorName: !Sub "agg-${Env}"
      AccountAggregationSources:
        - AccountIds: !Ref Accounts
          AllAwsRegions: !Ref On
  B:
    Type: AWS::Config::ConfigurationAggregator
    Properties:
      ConfigurationAggregatorName: !Sub "agg-${AWS::StackName}"
      OrganizationAggregationSource:
        RoleArn: !GetAtt Role.Arn
        AllAwsRegions: !Ref NoDefault
        AwsRegions:
          - !Join ["-", [us, east, "1"]]
  C:
    Type: AWS::Config::ConfigurationAggregator
    Properties:
      ConfigurationAggregatorName: c
      AccountAggregationSources:
        - AccountIds: [012345678912]
          AllAwsRegions: "TRUE"
"#;
    let (f, p) = parse_text("t.yaml", text);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let a = &p.inventory.aggregators;
    assert_eq!(a[0].name.value.as_deref(), Some("agg-prod"));
    let s = &a[0].account_sources[0];
    assert_eq!(s.all_regions.value, Some(false));
    assert_eq!(at(&f, s.all_regions.span), (20, 26));
    let ids: Vec<_> = s
        .account_ids
        .value
        .as_ref()
        .unwrap()
        .iter()
        .map(|i| i.value.clone().unwrap())
        .collect();
    assert_eq!(ids, ["111122223333", "444455556666"]);
    assert!(!a[1].name.known);
    let org = a[1].organization_source.as_ref().unwrap();
    assert!(!org.role_arn.known && org.role_arn.explicit);
    assert!(!org.all_regions.known);
    assert_eq!(
        org.regions.value.as_ref().unwrap()[0].value.as_deref(),
        Some("us-east-1")
    );
    let c = &a[2].account_sources[0];
    assert_eq!(c.all_regions.value, Some(true));
    assert_eq!(
        c.account_ids.value.as_ref().unwrap()[0].value.as_deref(),
        Some("012345678912")
    );
}

#[test]
fn json_template_and_errors() {
    let text = r#"{"Resources": {"X": {"Type": "AWS::Config::ConfigurationAggregator",
  "Properties": {"OrganizationAggregationSource": {"RoleArn": {"Fn::GetAtt": ["R", "Arn"]}, "AllAwsRegions": "maybe"}}}}}"#;
    let (f, p) = parse_text("t.json", text);
    assert_eq!(p.errors.len(), 1);
    assert!(p.errors[0].message.contains("must be true or false"));
    let lc = f.line_col(p.errors[0].input_span().unwrap().1.start);
    assert_eq!((lc.line, lc.column), (2, 110));
    let org = p.inventory.aggregators[0]
        .organization_source
        .as_ref()
        .unwrap();
    assert!(!org.role_arn.known);
    let (_, p) = parse_text("bad.yaml", "Resources:\n  A: [\n");
    assert_eq!(p.errors.len(), 1);
    assert!(p.errors[0].message.starts_with("invalid YAML"));
    let deep = format!("Resources: {}{}", "[".repeat(10_000), "]".repeat(10_000));
    let (_, p) = parse_text("deep.yaml", &deep);
    assert!(p.errors[0].message.contains("nested more than"));
}

fn parse_with(text: &str, given: &[Given]) -> Parsed {
    let f = SourceFile::new("t.yaml".into(), text.to_string());
    let ctx = Ctx {
        parameters: given,
        ..Ctx::default()
    };
    parse(0, &f, &ctx)
}

const IF_WHOLE_PROPERTY: &str = r#"AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  UseOrg:
    Type: String
    AllowedValues: ["true", "false"]
    Default: "true"
  Accounts:
    Type: CommaDelimitedList
    Default: "111122223333"
Conditions:
  IsOrg: !Equals [!Ref UseOrg, "true"]
  IsAccount: !Not [!Condition IsOrg]
Resources:
  Agg:
    Type: AWS::Config::ConfigurationAggregator
    Properties:
      OrganizationAggregationSource: !If
        - IsOrg
        - RoleArn: !GetAtt Role.Arn
          AllAwsRegions: true
        - !Ref AWS::NoValue
      AccountAggregationSources: !If
        - IsAccount
        - - AccountIds: !Ref Accounts
            AllAwsRegions: true
        - !Ref AWS::NoValue
"#;

#[test]
fn if_on_a_whole_property_with_no_value() {
    let p = parse_with(IF_WHOLE_PROPERTY, &[]);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let a = &p.inventory.aggregators;
    assert_eq!(a.len(), 1);
    assert!(a[0].organization_source.is_some());
    assert!(a[0].account_sources.is_empty());
    assert!(!a[0].name_required && !a[0].name.explicit);
    let given = [Given {
        name: "UseOrg".into(),
        value: GivenValue::Text("false".into()),
        from: crate::input::Origin::Flag("--parameter"),
        span: None,
    }];
    let p = parse_with(IF_WHOLE_PROPERTY, &given);
    let a = &p.inventory.aggregators;
    assert!(a[0].organization_source.is_none());
    assert_eq!(a[0].account_sources.len(), 1);
    let use_org = p
        .inventory
        .variables
        .iter()
        .find(|v| v.name == "UseOrg")
        .unwrap();
    assert_eq!(use_org.from.as_deref(), Some("--parameter"));
}

#[test]
fn undecided_conditions_are_read_both_ways() {
    let text = IF_WHOLE_PROPERTY.replace("    Default: \"true\"\n", "");
    let p = parse_with(&text, &[]);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let a = &p.inventory.aggregators;
    assert_eq!(a.len(), 2, "{a:#?}");
    let words: Vec<String> = a
        .iter()
        .map(|x| x.variant.as_ref().unwrap().words())
        .collect();
    assert_eq!(
        words,
        [
            "condition IsAccount is false and condition IsOrg is true",
            "condition IsAccount is true and condition IsOrg is false"
        ]
    );
    assert!(a[0].organization_source.is_some() && a[0].account_sources.is_empty());
    assert!(a[1].organization_source.is_none() && a[1].account_sources.len() == 1);
}

#[test]
fn resource_condition_mappings_select_split() {
    let text = r#"Parameters:
  Env:
    Type: String
    Default: prod
  Regions:
    Type: String
    Default: "us-east-1,eu-west-1"
Mappings:
  ByEnv:
    prod:
      All: "true"
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsHome: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  A:
    Type: AWS::Config::ConfigurationAggregator
    Condition: IsHome
    Properties:
      ConfigurationAggregatorName: !Select [0, !Split ["-", "agg-x"]]
      AccountAggregationSources:
        - AccountIds: ["111122223333"]
          AllAwsRegions: !FindInMap [ByEnv, !Ref Env, All]
        - !If [IsProd, !Ref AWS::NoValue, {AccountIds: ["444455556666"], AllAwsRegions: true}]
  B:
    Type: AWS::Config::ConfigurationAggregator
    Condition: IsNotThere
    Properties:
      AccountAggregationSources:
        - AccountIds: ["111122223333"]
          AwsRegions: !Split [",", !Ref Regions]
"#;
    let p = parse_with(text, &[]);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let a = &p.inventory.aggregators;
    // A exists only where it is deployed in us-east-1: one reading, so said.
    let first = &a[0];
    // Created only where it is deployed in us-east-1, and so labelled.
    assert_eq!(
        first.variant.as_ref().map(|v| v.words()).as_deref(),
        Some("condition IsHome is true")
    );
    assert_eq!(first.name.value.as_deref(), Some("agg"));
    assert_eq!(first.account_sources.len(), 1);
    assert_eq!(first.account_sources[0].all_regions.value, Some(true));
    // B's condition does not exist: unknown, read as if created.
    let b = &a[1];
    let regions: Vec<_> = b.account_sources[0]
        .regions
        .value
        .as_ref()
        .unwrap()
        .iter()
        .map(|r| r.value.clone().unwrap())
        .collect();
    assert_eq!(regions, ["us-east-1", "eu-west-1"]);
}

#[test]
fn unknown_parameters_stay_unknown() {
    let text = r#"Parameters:
  Regions:
    Type: CommaDelimitedList
  Accounts:
    Type: List<String>
Resources:
  A:
    Type: AWS::Config::ConfigurationAggregator
    Properties:
      ConfigurationAggregatorName: a
      AccountAggregationSources:
        - AccountIds: !Ref Accounts
          AwsRegions: !Ref Regions
"#;
    let p = parse_with(text, &[]);
    let s = &p.inventory.aggregators[0].account_sources[0];
    assert!(!s.account_ids.known && !s.regions.known);
}

#[test]
fn duplicate_names_unless_conditions_keep_them_apart() {
    let text = r#"Conditions:
  IsOrg: !Equals [!Ref Mode, org]
  IsAcct: !Equals [!Ref Mode, account]
Parameters:
  Mode:
    Type: String
Resources:
  A:
    Type: AWS::Config::ConfigurationAggregator
    Condition: IsOrg
    Properties:
      ConfigurationAggregatorName: same
      OrganizationAggregationSource: {RoleArn: !GetAtt R.Arn, AllAwsRegions: true}
  B:
    Type: AWS::Config::ConfigurationAggregator
    Condition: IsAcct
    Properties:
      ConfigurationAggregatorName: same
      AccountAggregationSources: [{AccountIds: ["111122223333"], AllAwsRegions: true}]
  C:
    Type: AWS::Config::ConfigurationAggregator
    Condition: IsAcct
    Properties:
      ConfigurationAggregatorName: same
      AccountAggregationSources: [{AccountIds: ["111122223333"], AllAwsRegions: true}]
"#;
    let p = parse_with(text, &[]);
    let a = &p.inventory.aggregators;
    let dup: Vec<(&str, Option<&str>)> = a
        .iter()
        .map(|x| (x.address.as_str(), x.duplicate_of.as_deref()))
        .collect();
    assert_eq!(dup, [("A", None), ("B", Some("C")), ("C", Some("B"))]);
}
