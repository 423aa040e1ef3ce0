#!/usr/bin/env python3
"""A local AWS for the snapshot script: moto's server, seeded from a scenario file,
behind a WSGI shim for what moto lacks.

moto answers STS, IAM, Organizations, EC2 and AWS Config. The shim in front of it
answers `account:ListRegions` and `config:DescribeConfigurationAggregatorSourcesStatus`
(moto implements neither) from the scenario in the documented wire shape, with small
pages so that the CLI must follow `NextToken`; it narrows moto's fixed EC2 region list
to the scenario's, makes Organizations page small, and refuses the calls a variant
denies. Every request is logged (one JSON line each) so tests can check what was called.

Listens on 127.0.0.1 on a port the system chooses, then prints one JSON line:
{"endpoint": ..., "access_key_id": ..., "secret_access_key": ...}. It exits when its
standard input closes, so it never outlives the process that started it.
"""

import argparse
import datetime
import io
import json
import logging
import os
import re
import sys
import threading
import urllib.parse
import xml.etree.ElementTree as ET

from moto.config.models import config_backends
from moto.iam.models import iam_backends
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from moto.organizations.models import organizations_backends
from werkzeug.serving import make_server

PARTITION = "aws"
SCOPE = re.compile(r"Credential=[^/]+/\d{8}/([^/]+)/([^/]+)/aws4_request")


def seed(scenario, variant, started):
    """Put the scenario into moto's backends (in process: fixed account ids)."""
    account = scenario["caller"]["account"]
    iam = iam_backends[account][PARTITION]
    iam.create_user(region_name="us-east-1", user_name=scenario["caller"]["user"])
    key = iam.create_access_key(user_name=scenario["caller"]["user"])

    org_spec = scenario["organization"]
    orgs = organizations_backends[account][PARTITION]
    orgs.create_organization(region="us-east-1", FeatureSet="ALL")
    orgs.org.id = org_spec["id"]
    # moto keeps naive UTC datetimes.
    base = started.replace(tzinfo=None) - datetime.timedelta(days=400)
    for i, spec in enumerate(org_spec["accounts"]):
        existing = [a for a in orgs.accounts if a.id == spec["id"]]
        if existing:
            acct = existing[0]
            acct.name = spec["name"]
        else:
            orgs.create_account(AccountName=spec["name"], Email=f"{spec['name']}@example.com")
            acct = orgs.accounts[-1]
            acct.id = spec["id"]
        acct.organization_id = org_spec["id"]
        # Distinct join times: moto pages ListAccounts by them.
        acct.create_time = base + datetime.timedelta(days=i)
        if spec["status"] != "ACTIVE":
            acct.status = acct.state = spec["status"]

    aggregators = list(scenario["aggregators"])
    aggregators += (variant or {}).get("extra_aggregators", [])
    for agg in aggregators:
        body = {"ConfigurationAggregatorName": agg["name"]}
        if "organization_source" in agg:
            body["OrganizationAggregationSource"] = agg["organization_source"]
        else:
            body["AccountAggregationSources"] = [agg["account_source"]]
        config_backends[account][agg["region"]].put_configuration_aggregator(body)
    return key.access_key_id, key.secret_access_key


def changed_status(variant, aggregator, status):
    """A status as the variant's `status_changes` leave it: an entry naming its
    aggregator, source and region replaces its fields (a null field is removed)."""
    for c in variant.get("status_changes", []):
        if (c["aggregator"], c["SourceId"], c["AwsRegion"]) == (
            aggregator, status["SourceId"], status["AwsRegion"]
        ):
            out = dict(status)
            for k, v in c.items():
                if k == "aggregator":
                    continue
                if v is None:
                    out.pop(k, None)
                else:
                    out[k] = v
            return out
    return status


def epoch(started, minutes_ago):
    return round((started - datetime.timedelta(minutes=minutes_ago)).timestamp(), 3)


class Shim:
    def __init__(self, inner, scenario, variant, log, started):
        self.inner = inner
        self.scenario = scenario
        self.variant = variant or {}
        self.log = log
        self.started = started
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        m = SCOPE.search(environ.get("HTTP_AUTHORIZATION", ""))
        region, service = (m.group(1), m.group(2)) if m else (None, None)
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        params = {}
        if target:
            operation = target.rsplit(".", 1)[-1]
            params = json.loads(body or b"{}")
        elif service == "account":
            operation = {"/listRegions": "ListRegions"}.get(environ.get("PATH_INFO"), "?")
            params = json.loads(body or b"{}")
        else:
            form = urllib.parse.parse_qs(body.decode("utf-8"))
            params = {k: v[0] for k, v in form.items()}
            operation = params.get("Action", "?")
        self.record(service, region, operation, params)

        for deny in self.variant.get("deny", []):
            if (deny["service"], deny["operation"]) == (service, operation) and deny.get(
                "aggregator", params.get("ConfigurationAggregatorName")
            ) == params.get("ConfigurationAggregatorName"):
                return self.error(start_response, service, deny["code"], deny["message"])

        if (service, operation) == ("account", "ListRegions"):
            return self.list_regions(start_response, params)
        if (service, operation) == ("config", "DescribeConfigurationAggregatorSourcesStatus"):
            return self.sources_status(start_response, region, params)
        if (service, operation) == ("organizations", "ListAccounts") and "MaxResults" not in params:
            params["MaxResults"] = self.scenario["organization"]["page_size"]
            body = json.dumps(params).encode()
        if (service, operation) == ("ec2", "DescribeRegions"):
            return self.describe_regions(environ, body, start_response, params)
        return self.call_inner(environ, body, start_response)

    def record(self, service, region, operation, params):
        line = json.dumps(
            {"service": service, "region": region, "operation": operation, "params": params}
        )
        with self.lock, open(self.log, "a", encoding="utf-8") as f:
            f.write(line + "\n")

    def call_inner(self, environ, body, start_response):
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return self.inner(environ, start_response)

    @staticmethod
    def respond(start_response, status, payload, content_type, headers=()):
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        start_response(
            status,
            [("Content-Type", content_type), ("Content-Length", str(len(data))), *headers],
        )
        return [data]

    def error(self, start_response, service, code, message):
        if service == "account":
            # REST-JSON: the code travels in a header.
            return self.respond(
                start_response, "403 Forbidden", {"message": message},
                "application/json", [("x-amzn-ErrorType", code)],
            )
        return self.respond(
            start_response, "400 Bad Request", {"__type": code, "message": message},
            "application/x-amz-json-1.1",
        )

    @staticmethod
    def page(items, params, limit_key, size):
        limit = params.get(limit_key) or size
        token = params.get("NextToken")
        start = 0
        if token:
            if not re.fullmatch(r"page-\d+", token):
                return None, None
            start = int(token[5:])
        chunk = items[start : start + limit]
        more = start + limit < len(items)
        return chunk, (f"page-{start + limit}" if more else None)

    def list_regions(self, start_response, params):
        spec = self.scenario["regions"]
        wanted = params.get("RegionOptStatusContains")
        regions = [
            {"RegionName": r["name"], "RegionOptStatus": r["status"]}
            for r in sorted(spec["list"], key=lambda r: r["name"])
            if not wanted or r["status"] in wanted
        ]
        chunk, token = self.page(regions, params, "MaxResults", spec["page_size"])
        if chunk is None:
            return self.respond(
                start_response, "400 Bad Request", {"message": "invalid NextToken"},
                "application/json", [("x-amzn-ErrorType", "ValidationException")],
            )
        out = {"Regions": chunk}
        if token:
            out["NextToken"] = token
        return self.respond(start_response, "200 OK", out, "application/json")

    def sources_status(self, start_response, region, params):
        name = params.get("ConfigurationAggregatorName")
        aggregators = self.scenario["aggregators"] + self.variant.get("extra_aggregators", [])
        found = [a for a in aggregators if a["name"] == name and a["region"] == region]
        if not found:
            return self.error(
                start_response, "config", "NoSuchConfigurationAggregatorException",
                "The configuration aggregator does not exist. Check the configuration aggregator name and try again.",
            )
        wanted = params.get("UpdateStatus")
        statuses = []
        for s in found[0]["statuses"]:
            s = changed_status(self.variant, name, s)
            if wanted and s["LastUpdateStatus"] not in wanted:
                continue
            item = {k: v for k, v in s.items() if k != "minutes_ago"}
            item["LastUpdateTime"] = epoch(self.started, s["minutes_ago"])
            statuses.append(item)
        chunk, token = self.page(statuses, params, "Limit", self.scenario["sources_status_page_size"])
        if chunk is None:
            return self.error(
                start_response, "config", "InvalidNextTokenException", "The nextToken provided is invalid"
            )
        out = {"AggregatedSourceStatusList": chunk}
        if token:
            out["NextToken"] = token
        return self.respond(start_response, "200 OK", out, "application/x-amz-json-1.1")

    def describe_regions(self, environ, body, start_response, params):
        """moto knows every region, all enabled: keep the scenario's, with their status."""
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers

        data = b"".join(self.call_inner(environ, body, capture))
        if not captured["status"].startswith("200"):
            return self.respond(start_response, captured["status"], data, "text/xml")
        status = {r["name"]: r["status"] for r in self.scenario["regions"]["list"]}
        all_regions = params.get("AllRegions", "false").lower() == "true"
        root = ET.fromstring(data)
        ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
        ET.register_namespace("", ns.strip("{}"))
        info = root.find(f"{ns}regionInfo")
        for item in list(info):
            name = item.findtext(f"{ns}regionName")
            keep = name in status and (all_regions or status[name] != "DISABLED")
            if not keep:
                info.remove(item)
                continue
            opt = item.find(f"{ns}optInStatus")
            if opt is not None:
                opt.text = {
                    "ENABLED_BY_DEFAULT": "opt-in-not-required",
                    "ENABLED": "opted-in",
                }.get(status[name], "not-opted-in")
        return self.respond(start_response, "200 OK", ET.tostring(root), "text/xml;charset=UTF-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--variant", help="a key of the scenario's `variants`")
    parser.add_argument("--log", required=True, help="file that receives one JSON line per request")
    args = parser.parse_args()
    with open(args.scenario, encoding="utf-8") as f:
        scenario = json.load(f)
    variant = scenario["variants"][args.variant] if args.variant else None
    started = datetime.datetime.now(datetime.timezone.utc)
    # A variant may be a capture taken later: status times move with it.
    started += datetime.timedelta(minutes=(variant or {}).get("clock_offset_minutes", 0))
    key_id, secret = seed(scenario, variant, started)
    app = Shim(DomainDispatcherApplication(create_backend_app), scenario, variant, args.log, started)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, app, threaded=True)

    def watch_stdin():
        sys.stdin.read()
        os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    print(
        json.dumps(
            {
                "endpoint": f"http://127.0.0.1:{server.server_port}",
                "access_key_id": key_id,
                "secret_access_key": secret,
            }
        ),
        flush=True,
    )
    server.serve_forever()


if __name__ == "__main__":
    main()
