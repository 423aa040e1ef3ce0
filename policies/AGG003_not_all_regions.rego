# METADATA
# title: Aggregator source does not cover all regions
# description: |
#   What it does: reports every aggregation source (account or organization) that does not
#   aggregate all AWS regions: `AllAwsRegions` / `all_regions` is false, or left out (the API
#   default is false) with a region list instead. A source with neither is AGG008's: the API
#   rejects it.
#
#   Why it matters: regions outside the list are not aggregated. Resources created there,
#   including in regions enabled later, are invisible to the aggregated compliance view, which
#   is exactly where unmonitored activity tends to happen.
#
#   How to fix: set `AllAwsRegions: true` (CloudFormation, API) or `all_regions = true`
#   (Terraform) and remove the region list.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/APIReference/API_AccountAggregationSource.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/config_configuration_aggregator#all_regions
# custom:
#   id: AGG003
#   severity: medium
#   remediation: |
#     Set AllAwsRegions to true (Terraform: all_regions = true; awscc: all_aws_regions = true)
#     on every aggregation source and remove the region list.
#   inputs: [aws-cli, cloudformation, terraform, terraform-plan]
#   checks: aggregators
#   per_item: true
#   references:
#     checkov: CKV_AWS_121
#     kics: ac5a0bc0-a54c-45aa-90c3-15f7703b9132
#     trivy: AWS-0019
#   frameworks:
#     - framework: NIST SP 800-53 Rev. 5
#       control: "CM-8"
#       title: System Component Inventory
#       citation: "NIST SP 800-53 Rev. 5 (September 2020, updates as of 2020-12-10), control CM-8, https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final"
#     - framework: Trend Micro Cloud One Conformity
#       control: "Config-006"
#       title: AWS Config Aggregator Source Status
#       citation: "Trend Micro Cloud One Conformity knowledge base, rule Config-006 (AWS Config Aggregator Source Status), https://www.trendmicro.com/trendaivisiononecloudriskmanagement/knowledge-base/aws/Config/config-aggregator-source-status.html"
package aggrego.not_all_regions

import data.aggrego.lib

# A definition: the change in its own language, formatted after evaluation
# (this runs for every failing source of a large repository). `%L` prints the
# region list field as it is: its regions, `none`, or `unknown (!Ref Regions)`
# for a list (or an item) unknown offline.
deny contains finding if {
	some a in input.aggregators
	some src in a.sources
	field := src.all_regions
	field.known
	not field.value == true
	not lib.no_regions(src)
	a.kind != "aws-cli"
	finding := {
		"msg": [
			"%s: %s does not aggregate all regions: %s %s (regions aggregated: %L)",
			a.label, src.what, a.names.all_regions, why[field.explicit], src.regions,
		],
		"loc": field.loc,
		"remediation": [fix_formats[a.syntax][src.regions.explicit], a.address, src.what, a.names.all_regions, a.names.regions],
	}
}

# API output: the complete command, with the aggregator's own sources.
deny contains finding if {
	some a in input.aggregators
	a.kind == "aws-cli"
	some src in a.sources
	field := src.all_regions
	field.known
	not field.value == true
	not lib.no_regions(src)
	finding := {
		"msg": [
			"%s: %s does not aggregate all regions: %s %s (regions aggregated: %L)",
			a.label, src.what, a.names.all_regions, why[field.explicit], src.regions,
		],
		"loc": field.loc,
		"remediation": ["Make every source collect all regions (current and future): %s", lib.put_all_regions(a)],
	}
}

why := {true: "is false", false: "is not set and defaults to false"}

# Set a source's all-regions attribute (and remove its region list when it has
# one). Arguments: 1 the definition, 2 the source, 3 the all-regions name, 4 the
# list's name.
fix_formats := {
	"hcl": {
		true: "In %[2]s of %[1]s, set %[3]s = true and remove %[4]s.",
		false: "In %[2]s of %[1]s, set %[3]s = true.",
	},
	"yaml": {
		true: "In %[1]s.Properties.%[2]s, set %[3]s: true and remove %[4]s.",
		false: "In %[1]s.Properties.%[2]s, set %[3]s: true.",
	},
	"json": {
		true: "In %[1]s.Properties.%[2]s, set \"%[3]s\": true and remove \"%[4]s\".",
		false: "In %[1]s.Properties.%[2]s, set \"%[3]s\": true.",
	},
}
