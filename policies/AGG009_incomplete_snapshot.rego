# METADATA
# title: Saved output is one page of several
# description: |
#   What it does: reports a saved API output that still carries a `NextToken`: the file
#   holds one page, and the rest of the answer was never saved.
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
			"Export all pages: run the same `aws configservice %s` command without --max-items or --no-paginate (the CLI then follows NextToken itself), or use a boto3 paginator and save every page.",
			[s.kind],
		),
	}
}
