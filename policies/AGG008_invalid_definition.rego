# METADATA
# title: Aggregator definition the API would reject
# description: |
#   What it does: reports definitions that `PutConfigurationAggregator` refuses: both or
#   neither source kind, more than one account source, `AllAwsRegions: true` together with
#   `AwsRegions`, a source with neither all regions nor a region list, a missing name where
#   the language requires one (Terraform's `name`; CloudFormation and the Cloud Control
#   provider generate one), a name that is not 1 to 256 letters, digits, `_` or `-`, more
#   than 50 tags, a tag key over 128 or value over 256 characters, or two aggregators of one
#   template (or one Terraform module and provider configuration) with the same name. A
#   `dynamic` block whose `for_each` is unknown offline makes the number of sources unknown:
#   those checks are then not made.
#
#   Why it matters: the deployment fails, or (for a describe output that shows such a
#   definition) the aggregator does not do what its owners believe.
#
#   How to fix: correct the definition as each finding says.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigurationAggregator.html
# custom:
#   id: AGG008
#   severity: high
#   remediation: |
#     Give the aggregator exactly one kind of source (one account source, or one organization
#     source), each with either AllAwsRegions true or a non-empty AwsRegions list (not both),
#     a name of 1-256 letters, digits, _ or -, and at most 50 tags.
#   inputs: [aws-cli, cloudformation, terraform, terraform-plan]
#   checks: aggregators
#   per_item: true
package aggrego.invalid_definition

import data.aggrego.lib

deny contains finding if {
	some a in input.aggregators
	a.organization_source != null
	count(a.account_sources) > 0
	a.sources_known
	finding := {
		"msg": sprintf("%s has both %s and %s; the API accepts only one kind of source", [
			a.label, a.names.account_sources, a.names.organization_source,
		]),
		"loc": a.organization_source.loc,
		"remediation": sprintf("Keep one kind of source: in %s, remove %s (the organization source already collects every account of the organization) or %s.", [
			a.address, a.names.account_sources, a.names.organization_source,
		]),
	}
}

deny contains finding if {
	some a in input.aggregators
	a.organization_source == null
	count(a.account_sources) == 0
	a.sources_known
	finding := {
		"msg": sprintf("%s has no source: set %s or %s", [
			a.label, a.names.account_sources, a.names.organization_source,
		]),
		"loc": a.loc,
		"remediation": sprintf("In %s, add %s", [a.address, organization_source(a)]),
	}
}

deny contains finding if {
	some a in input.aggregators
	some i, s in a.account_sources
	i > 0
	a.sources_known
	finding := {
		"msg": sprintf("%s has %d account sources; the API accepts one (put all account IDs in it)", [
			a.label, count(a.account_sources),
		]),
		"loc": s.loc,
		"remediation": sprintf("Merge the account sources into one: in %s, keep %s with %s and remove the others.", [
			a.address, a.account_sources[0].what,
			lib.assign(a, a.names.account_ids, json.marshal(sort({id | some src in a.account_sources; some id in lib.strings(src.account_ids)}))),
		]),
	}
}

deny contains finding if {
	some a in input.aggregators
	some src in a.sources
	src.all_regions.value == true
	is_array(src.regions.value)
	count(src.regions.value) > 0
	finding := {
		"msg": sprintf("%s: %s sets %s together with %s; use one or the other", [
			a.label, src.what, a.names.all_regions, a.names.regions,
		]),
		"loc": src.regions.loc,
		"remediation": sprintf("In %s, remove %s: %s already includes every region.", [
			lib.place(a, src), a.names.regions, lib.assign(a, a.names.all_regions, "true"),
		]),
	}
}

deny contains finding if {
	some a in input.aggregators
	some src in a.sources
	src.all_regions.known
	not src.all_regions.value == true
	lib.no_regions(src)
	finding := {
		"msg": sprintf("%s: %s has neither %s true nor a list of %s", [
			a.label, src.what, a.names.all_regions, a.names.regions,
		]),
		"loc": src.loc,
		"remediation": sprintf("In %s, set %s.", [lib.place(a, src), lib.assign(a, a.names.all_regions, "true")]),
	}
}

deny contains finding if {
	some a in input.aggregators
	not a.name.explicit
	a.name.known
	a.name_required
	finding := {
		"msg": sprintf("%s has no %s", [a.label, a.names.name]),
		"loc": a.name.loc,
		"remediation": sprintf("In %s, set %s.", [a.address, lib.assign(a, a.names.name, "\"<aggregator-name>\"")]),
	}
}

deny contains finding if {
	some a in input.aggregators
	is_string(a.name.value)
	not valid_name(a.name.value)
	finding := {
		"msg": sprintf("%s: name `%s` must be 1-256 letters, digits, _ or -", [a.label, a.name.value]),
		"loc": a.name.loc,
		"remediation": sprintf("Rename it, for example in %s: %s.", [a.address, lib.assign(a, a.names.name, sprintf("\"%s\"", [suggested_name(a.name.value)]))]),
	}
}

deny contains finding if {
	some a in input.aggregators
	a.duplicate_of != null
	is_string(a.name.value)
	finding := {
		"msg": sprintf("%s has the name `%s`, as %s does in the same %s: only one of them can be created", [
			a.label, a.name.value, a.duplicate_of, scope_words(a),
		]),
		"loc": a.name.loc,
		"remediation": sprintf("Give one of them another name: in %s, set %s.", [
			a.address, lib.assign(a, a.names.name, "\"<another-name>\""),
		]),
	}
}

deny contains finding if {
	some a in input.aggregators
	is_array(a.tags.value)
	count(a.tags.value) > 50
	finding := {
		"msg": sprintf("%s has %d tags; the limit is 50", [a.label, count(a.tags.value)]),
		"loc": a.tags.loc,
		"remediation": sprintf("In %s, remove %d of the tags in %s.", [a.address, count(a.tags.value) - 50, a.names.tags]),
	}
}

deny contains finding if {
	some a in input.aggregators
	is_array(a.tags.value)
	some tag in a.tags.value
	some part, limit in {"key": 128, "value": 256}
	is_string(tag[part].value)
	count(tag[part].value) > limit
	finding := {
		"msg": sprintf("%s: tag %s is %d characters; the limit is %d", [a.label, part, count(tag[part].value), limit]),
		"loc": tag[part].loc,
		"remediation": sprintf("Shorten the tag %s to %d characters or fewer.", [part, limit]),
	}
}

scope_words(a) := "template" if a.kind == "cloudformation"

scope_words(a) := "module and provider configuration" if a.kind != "cloudformation"

# The API's pattern is [\w\-]+ (ASCII word characters) and 1 to 256 characters.
# Trimming every allowed character leaves nothing exactly when the name matches;
# a string builtin is far cheaper than a regex on large repositories.
valid_name(name) if {
	count(name) > 0
	count(name) <= 256
	trim(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") == ""
}

# The name with every character the API refuses made a `-`.
suggested_name(name) := substring(s, 0, 256) if {
	s := regex.replace(name, "[^A-Za-z0-9_-]", "-")
	s != ""
}

suggested_name("") := "<aggregator-name>"

# An organization source that collects every region, in the definition's language.
organization_source(a) := "OrganizationAggregationSource: {RoleArn: !GetAtt <RoleLogicalId>.Arn, AllAwsRegions: true}" if {
	a.syntax == "yaml"
}

organization_source(a) := "\"OrganizationAggregationSource\": {\"RoleArn\": {\"Fn::GetAtt\": [\"<RoleLogicalId>\", \"Arn\"]}, \"AllAwsRegions\": true}" if {
	a.syntax == "json"
}

organization_source(a) := "organization_aggregation_source { role_arn = aws_iam_role.<name>.arn, all_regions = true } (one attribute per line)" if a.names.all_regions == "all_regions"

organization_source(a) := "organization_aggregation_source = { role_arn = aws_iam_role.<name>.arn, all_aws_regions = true }" if a.names.all_regions == "all_aws_regions"

organization_source(a) := sprintf("an organization source: aws configservice put-configuration-aggregator --configuration-aggregator-name %s --organization-aggregation-source '{\"RoleArn\":\"arn:aws:iam::%s:role/<role-name>\",\"AllAwsRegions\":true}' --region %s", [
	lib.arg(a.name.value, "aggregator-name"), lib.arg(a.account, "account-id"), lib.arg(a.region, "aggregator-region"),
]) if a.kind == "aws-cli"
