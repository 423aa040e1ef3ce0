//! CloudFormation templates (JSON and YAML) holding `AWS::Config::ConfigurationAggregator`.
