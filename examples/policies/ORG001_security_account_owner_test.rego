package example.security_account_owner_test

import data.example.security_account_owner

aggregator(account) := {
	"label": "aggregator org",
	"account": account,
	"region": "us-east-1",
	"name": {"value": "org"},
	"loc": 7,
}

test_other_account_is_reported if {
	findings := security_account_owner.deny with input as {"aggregators": [aggregator("210987654321")]}
		with data.org.security_account as "123456789012"
	some f in findings
	f.loc == 7
	contains(f.msg, "owned by account 210987654321")
}

test_security_account_passes if {
	count(security_account_owner.deny) == 0 with input as {"aggregators": [aggregator("123456789012")]}
		with data.org.security_account as "123456789012"
}

test_unknown_owner_is_not_judged if {
	count(security_account_owner.deny) == 0 with input as {"aggregators": [aggregator(null)]}
		with data.org.security_account as "123456789012"
}
