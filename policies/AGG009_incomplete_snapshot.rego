# METADATA
# title: Saved output is one page of several
# description: |
#   What it does: reports a saved API output that still carries a `NextToken`: the file
#   holds one page, and the rest of the answer was never saved. In a snapshot folder, it
#   also reports every call its manifest records as failed, and every file the manifest
#   lists that is not in the folder (or is a symlink to outside it, which is not read).
#
#   Why it matters: an audit of one page can miss exactly the sources or aggregators that
#   are failing; the evidence is incomplete.
#
#   How to fix: export again without `--max-items`, `--page-size` limits or
#   `--no-paginate`, so the AWS CLI follows every page (or loop on `NextToken` in boto3 and
#   save every page).
# related_resources:
#   - ref: https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-pagination.html
# custom:
#   id: AGG009
#   severity: medium
#   remediation: |
#     Re-export without `--max-items` or `--no-paginate`; with boto3, use a paginator and
#     save all pages.
#   inputs: [aws-cli]
#   checks: snapshots
package aggrego.incomplete_snapshot

deny contains finding if {
	some s in input.snapshots
	is_string(s.next_token)
	finding := {
		"msg": sprintf("this %s output is one page of several (NextToken present): the evidence is incomplete", [s.kind]),
		"loc": s.loc,
		"remediation": sprintf(
			"Export all pages: run the same `%s` command without --max-items or --no-paginate (the CLI then follows NextToken itself), or use a boto3 paginator and save every page.",
			[command(s.kind)],
		),
	}
}

# `organizations list-accounts` names its service; the aggregator calls are configservice's.
command(kind) := sprintf("aws %s", [kind]) if contains(kind, " ")

command(kind) := sprintf("aws configservice %s", [kind]) if not contains(kind, " ")

deny contains finding if {
	some m in input.manifests
	some f in m.failures
	f.fallback == null
	finding := {
		"msg": sprintf("the snapshot could not capture `aws %s`%s: %s", [f.command, where(f), f.message]),
		"loc": f.loc,
		"remediation": sprintf(
			"Grant the capturing identity read access for this call (e.g. the AWS managed policy ReadOnlyAccess, or %s) and capture again; until then, conclusions that need this output are not shown.",
			[permission(f.command)],
		),
	}
}

deny contains finding if {
	some m in input.manifests
	some f in m.missing
	finding := {
		"msg": sprintf("the snapshot manifest lists %s, which is not in the snapshot folder: the evidence is incomplete", [f.path]),
		"loc": f.loc,
		"remediation": "Copy the whole snapshot folder as it was written, or capture it again with the script of `aggrego collect-script`.",
	}
}

deny contains finding if {
	some m in input.manifests
	some f in m.refused
	finding := {
		"msg": sprintf("the snapshot manifest lists %s, which is a symlink to outside the snapshot folder: it is not read, and the evidence is incomplete", [f.path]),
		"loc": f.loc,
		"remediation": "Replace the symlink by the file the capture wrote (copy the whole snapshot folder as it was written), or capture it again with the script of `aggrego collect-script`.",
	}
}

where(f) := sprintf(" for aggregator %s in %s", [f.aggregator, f.region]) if {
	is_string(f.aggregator)
	is_string(f.region)
}

where(f) := sprintf(" in %s", [f.region]) if {
	not is_string(f.aggregator)
	is_string(f.region)
}

where(f) := "" if not is_string(f.region)

permissions := {
	"organizations list-accounts": "organizations:ListAccounts",
	"account list-regions": "account:ListRegions",
	"ec2 describe-regions": "ec2:DescribeRegions",
	"sts get-caller-identity": "sts:GetCallerIdentity",
	"configservice describe-configuration-aggregators": "config:DescribeConfigurationAggregators",
	"configservice describe-configuration-aggregator-sources-status": "config:DescribeConfigurationAggregatorSourcesStatus",
}

permission(c) := permissions[c]

permission(c) := "the permission the call needs" if not permissions[c]
