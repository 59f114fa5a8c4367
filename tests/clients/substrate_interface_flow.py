"""Drives a tfchain node with py-substrate-interface the way TFChain's own clients do.

Run by tests/e2e/clients.test.js with the venv of one library version:

    python substrate_interface_flow.py --url ws://127.0.0.1:PORT --label si140 --public-ip 185.206.122.40/24

It registers twins, a farm and two nodes, creates a node, a name and a rent contract, a solution
provider and a service contract (approved by both sides), sends a transfer and the node's billing
reports, then reads the new state and calls runtime APIs. Every call is composed from the node's
metadata exactly as a client passes its arguments (plain lists for list arguments). The extrinsics of
each step are submitted together so that they share a block, and their events are read back with the
library itself.

When the library refuses to compose a call from its plain arguments, the refusal is recorded and the
call is composed once more with the list wrapped in a one-element list (how these library versions
encode a `BoundedVec` argument that the metadata shows as a composite), so that the later steps still
run; the test fails on the recorded refusal.

Prints one JSON object on stdout; progress goes to stderr. Exits 0 when the JSON was printed.
"""

import argparse
import hashlib
import json
import sys
import time
import traceback
from importlib import metadata as pkg_metadata

from substrateinterface import ExtrinsicReceipt, Keypair, SubstrateInterface

GIB = 1024 ** 3
TFT = 10 ** 7
TC_LINK = "https://library.threefold.me/info/legal/#/legal__terms_conditions_chain"
TC_HASH = "a7f4e1b3c9d2e5f60718293a4b5c6d7e"
RELAY = "relay.clients.grid.tf"
GATEWAY = "185.206.122.1"
ROLES = ("farmer", "node1", "node2", "user", "service", "consumer")
NODE_RESOURCES = {"hru": 2048 * GIB, "sru": 512 * GIB, "cru": 8, "mru": 16 * GIB}
NODE_LOCATION = {"city": "Ghent", "country": "Belgium", "latitude": "51.05", "longitude": "3.71"}
USED = {"hru": 0, "sru": 20 * GIB, "cru": 2, "mru": 4 * GIB}
ROUND_TIMEOUT_S = 90
NRU_WINDOW_S = 6

# The ReputationApi runtime API for the library's type registry: these versions read runtime APIs only
# from their registry (never from the metadata), so a client has to describe it.
REPUTATION_API = {
    "runtime_api": {
        "ReputationApi": {
            "methods": {
                "node_reputation": {
                    "params": [{"name": "node_id", "type": "u32"}],
                    "type": "Option<NodeReputation>",
                },
                "farm_reputation": {
                    "params": [{"name": "farm_id", "type": "u32"}],
                    "type": "Option<FarmReputation>",
                },
                "ranked_nodes": {
                    "params": [
                        {"name": "min_score_permill", "type": "u32"},
                        {"name": "min_free_capacity", "type": "u64"},
                        {"name": "after", "type": "Option<RankCursor>"},
                        {"name": "page_size", "type": "u32"},
                    ],
                    "type": "RankedPage",
                },
            },
            "types": {
                "NodeReputation": {"type": "struct", "type_mapping": [
                    ["node_id", "u32"], ["farm_id", "u32"], ["score_permill", "u32"],
                    ["availability_30_permill", "u32"], ["availability_all_permill", "u32"],
                    ["sla_misses_30", "u32"], ["sla_misses_all", "u32"], ["age_periods", "u32"],
                    ["certified", "bool"], ["counted_30", "u32"],
                ]},
                "FarmReputation": {"type": "struct", "type_mapping": [
                    ["farm_id", "u32"], ["score_permill", "u32"], ["nodes", "u32"], ["capacity", "u128"],
                ]},
                "RankCursor": {"type": "struct", "type_mapping": [["score_permill", "u32"], ["node_id", "u32"]]},
                "RankedNode": {"type": "struct", "type_mapping": [
                    ["node_id", "u32"], ["farm_id", "u32"], ["score_permill", "u32"], ["free_capacity", "u64"],
                ]},
                "RankedPage": {"type": "struct", "type_mapping": [
                    ["nodes", "Vec<RankedNode>"], ["next", "Option<RankCursor>"],
                ]},
            },
        }
    }
}


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def describe(err):
    return f"{type(err).__name__}: {err}"


def plain(value):
    """A JSON-friendly copy of a decoded value (bytes as 0x-hex)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return "0x" + bytes(value).hex()
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def event_of(record):
    """{'module', 'event', 'attributes'} of an event record, in either library version's layout."""
    value = record.value
    inner = value.get("event", value) if isinstance(value.get("event"), dict) else value
    module = value.get("module_id") or inner.get("module_id")
    name = value.get("event_id") or inner.get("event_id")
    attributes = value.get("attributes", inner.get("attributes"))
    return {"module": module, "event": name, "attributes": plain(attributes)}


class Step:
    """One extrinsic of the flow: its call, how composing it went, and where it landed."""

    def __init__(self, what, signer, module, function, params, wrapped=None):
        self.what = what
        self.signer = signer
        self.module = module
        self.function = function
        self.params = params
        self.wrapped = wrapped
        self.compose_error = None
        self.composed_wrapped = False
        self.submit_error = None
        self.hash = None
        self.receipt = None
        self.block_number = None

    def compose(self, substrate):
        try:
            return substrate.compose_call(self.module, self.function, self.params)
        except Exception as err:  # the library's refusal is what the test reports
            self.compose_error = describe(err)
            if self.wrapped is None:
                return None
            self.composed_wrapped = True
            return substrate.compose_call(self.module, self.function, self.wrapped)

    def result(self):
        out = {
            "what": self.what,
            "call": f"{self.module}.{self.function}",
            "composeError": self.compose_error,
            "composedWrapped": self.composed_wrapped,
            "submitError": self.submit_error,
            "included": self.receipt is not None,
        }
        if self.receipt is not None:
            out.update({
                "blockNumber": self.block_number,
                "blockHash": self.receipt.block_hash,
                "extrinsicIndex": self.receipt.extrinsic_idx,
                "success": self.receipt.is_success,
                "error": plain(self.receipt.error_message),
                "events": [event_of(e) for e in self.receipt.triggered_events],
            })
        return out


class Flow:
    def __init__(self, url, label):
        self.substrate = SubstrateInterface(url=url, ss58_format=42, type_registry_preset="polkadot")
        self.label = label
        self.keys = {role: Keypair.create_from_uri(f"//clients-{label}-{role}", ss58_format=42) for role in ROLES}
        self.steps = []

    def address(self, role):
        return self.keys[role].ss58_address

    def best_number(self):
        header = self.substrate.rpc_request("chain_getHeader", [])["result"]
        return int(header["number"], 16)

    def run_round(self, name, steps):
        """Signs and submits `steps` together and waits until every submitted one is in a block."""
        log(f"round {name}: {len(steps)} extrinsics")
        start = self.best_number()
        nonces = {}
        pending = {}
        for step in steps:
            self.steps.append(step)
            call = step.compose(self.substrate)
            if call is None:
                continue
            address = step.signer.ss58_address
            if address not in nonces:
                nonces[address] = self.substrate.get_account_nonce(address)
            extrinsic = self.substrate.create_signed_extrinsic(call=call, keypair=step.signer, nonce=nonces[address])
            nonces[address] += 1
            step.hash = "0x" + hashlib.blake2b(bytes(extrinsic.data.data), digest_size=32).hexdigest()
            try:
                self.substrate.submit_extrinsic(extrinsic, wait_for_inclusion=False)
                pending[step.hash] = step
            except Exception as err:
                step.submit_error = describe(err)
        deadline = time.time() + ROUND_TIMEOUT_S
        number = start + 1
        while pending and time.time() < deadline:
            if self.best_number() < number:
                time.sleep(0.5)
                continue
            block_hash = self.substrate.get_block_hash(number)
            block = self.substrate.rpc_request("chain_getBlock", [block_hash])["result"]["block"]
            for index, raw in enumerate(block["extrinsics"]):
                digest = "0x" + hashlib.blake2b(bytes.fromhex(raw[2:]), digest_size=32).hexdigest()
                step = pending.pop(digest, None)
                if step is not None:
                    step.receipt = ExtrinsicReceipt(
                        substrate=self.substrate, extrinsic_hash=digest, block_hash=block_hash, extrinsic_idx=index,
                    )
                    step.block_number = number
            number += 1
        for step in pending.values():
            step.submit_error = f"not included within {ROUND_TIMEOUT_S} s"

    def event_attr(self, step, module, event):
        """The attributes of the first `module.event` of a step, or None."""
        if step.receipt is None:
            return None
        for record in step.receipt.triggered_events:
            found = event_of(record)
            if found["module"] == module and found["event"] == event:
                return found["attributes"]
        return None


def first_id(attributes, key="id"):
    """The id in an event's attributes, whether the library gives them as a struct or a 1-tuple."""
    if isinstance(attributes, list) and attributes:
        attributes = attributes[0]
    if isinstance(attributes, dict):
        return attributes.get(key)
    return attributes


def run(args):
    flow = Flow(args.url, args.label)
    s = flow.substrate
    k = flow.keys
    out = {
        "library": {
            "substrate-interface": pkg_metadata.version("substrate-interface"),
            "scalecodec": pkg_metadata.version("scalecodec"),
        },
        "accounts": {role: flow.address(role) for role in ROLES},
        "chain": s.chain,
        "ids": {},
    }
    farm_name = f"clients-{args.label}-farm"

    # Round 1: terms and conditions, twins, the farm with one public IP.
    round1 = []
    for role in ROLES:
        round1.append(Step(f"{role} accepts the T&C", k[role], "TfgridModule", "user_accept_tc",
                           {"document_link": TC_LINK, "document_hash": TC_HASH}))
        round1.append(Step(f"{role} creates a twin", k[role], "TfgridModule", "create_twin",
                           {"relay": RELAY, "pk": None}))
    ips = [{"ip": args.public_ip, "gw": GATEWAY}]
    farm = Step("farmer creates a farm with a public IP", k["farmer"], "TfgridModule", "create_farm",
                {"name": farm_name, "public_ips": ips}, wrapped={"name": farm_name, "public_ips": [ips]})
    round1.append(farm)
    flow.run_round("twins and farm", round1)
    twins = {}
    for step in round1:
        if step.function == "create_twin":
            role = step.what.split(" ")[0]
            twins[role] = first_id(flow.event_attr(step, "TfgridModule", "TwinStored"))
    farm_id = first_id(flow.event_attr(farm, "TfgridModule", "FarmStored"))
    out["ids"].update({"twins": twins, "farm": farm_id})

    # Round 2: two nodes, a name contract, a solution provider, a service contract, a transfer.
    def node_step(role):
        params = {"farm_id": farm_id, "resources": NODE_RESOURCES, "location": NODE_LOCATION, "interfaces": [],
                  "secure_boot": False, "virtualized": False, "serial_number": None}
        return Step(f"{role} registers a node", k[role], "TfgridModule", "create_node", params,
                    wrapped={**params, "interfaces": [[]]})

    node1, node2 = node_step("node1"), node_step("node2")
    name = Step("user creates a name contract", k["user"], "SmartContractModule", "create_name_contract",
                {"name": f"clients-{args.label}"})
    providers = [{"who": flow.address("user"), "take": 10}]
    sp_params = {"description": f"clients {args.label} provider", "link": "https://clients.grid.tf", "providers": providers}
    provider = Step("user creates a solution provider", k["user"], "SmartContractModule", "create_solution_provider",
                    sp_params, wrapped={**sp_params, "providers": [providers]})
    service = Step("service creates a service contract", k["service"], "SmartContractModule",
                   "service_contract_create",
                   {"service_account": flow.address("service"), "consumer_account": flow.address("consumer")})
    transfer = Step("user sends 1 TFT to the consumer", k["user"], "Balances", "transfer_keep_alive",
                    {"dest": flow.address("consumer"), "value": TFT})
    flow.run_round("nodes, name contract, solution provider, service contract, transfer",
                   [node1, node2, name, provider, service, transfer])
    node1_id = first_id(flow.event_attr(node1, "TfgridModule", "NodeStored"))
    node2_id = first_id(flow.event_attr(node2, "TfgridModule", "NodeStored"))
    name_id = first_id(flow.event_attr(name, "SmartContractModule", "ContractCreated"), "contract_id")
    provider_id = first_id(flow.event_attr(provider, "SmartContractModule", "SolutionProviderCreated"),
                           "solution_provider_id")
    service_id = first_id(flow.event_attr(service, "SmartContractModule", "ServiceContractCreated"),
                          "service_contract_id")
    out["ids"].update({"node1": node1_id, "node2": node2_id, "nameContract": name_id,
                       "solutionProvider": provider_id, "serviceContract": service_id})

    # Round 3: a node contract with the farm's IP, a rent contract, the service contract's terms.
    deployment_hash = "0x" + hashlib.blake2b(f"clients {args.label}".encode(), digest_size=32).hexdigest()
    node_contract = Step("user creates a node contract", k["user"], "SmartContractModule", "create_node_contract",
                         {"node_id": node1_id, "deployment_hash": deployment_hash,
                          "deployment_data": f"clients {args.label} deployment", "public_ips": 1,
                          "solution_provider_id": None})
    rent = Step("user rents the second node", k["user"], "SmartContractModule", "create_rent_contract",
                {"node_id": node2_id, "solution_provider_id": None})
    fees = Step("service sets the fees", k["service"], "SmartContractModule", "service_contract_set_fees",
                {"service_contract_id": service_id, "base_fee": 100, "variable_fee": 50})
    meta = Step("consumer sets the metadata", k["consumer"], "SmartContractModule", "service_contract_set_metadata",
                {"service_contract_id": service_id, "metadata": f"clients {args.label} service"})
    flow.run_round("node and rent contracts, service terms", [node_contract, rent, fees, meta])
    node_contract_id = first_id(flow.event_attr(node_contract, "SmartContractModule", "ContractCreated"),
                                "contract_id")
    rent_id = first_id(flow.event_attr(rent, "SmartContractModule", "ContractCreated"), "contract_id")
    out["ids"].update({"nodeContract": node_contract_id, "rentContract": rent_id})

    # Round 4: the node's billing reports and uptime, both approvals of the service contract.
    # The NRU report covers the block time after the contract's creation: it is stamped one block
    # (6 s) after the best block's time, which the chain accepts up to 60 s ahead.
    now_secs = s.query("Timestamp", "Now").value // 1000
    resources = [{"contract_id": node_contract_id, "used": USED}]
    nru = [{"contract_id": node_contract_id, "timestamp": now_secs + NRU_WINDOW_S, "window": NRU_WINDOW_S,
            "nru": GIB}]
    report = Step("node1 reports the contract's resources", k["node1"], "SmartContractModule",
                  "report_contract_resources", {"contract_resources": resources},
                  wrapped={"contract_resources": [resources]})
    nru_step = Step("node1 reports NRU consumption", k["node1"], "SmartContractModule", "add_nru_reports",
                    {"reports": nru}, wrapped={"reports": [nru]})
    uptime = Step("node1 reports its uptime", k["node1"], "TfgridModule", "report_uptime", {"uptime": 600})
    approve_service = Step("service approves", k["service"], "SmartContractModule", "service_contract_approve",
                           {"service_contract_id": service_id})
    approve_consumer = Step("consumer approves", k["consumer"], "SmartContractModule", "service_contract_approve",
                            {"service_contract_id": service_id})
    flow.run_round("reports and approvals", [report, nru_step, uptime, approve_service, approve_consumer])
    out["steps"] = [step.result() for step in flow.steps]

    # The new state, read with the library.
    def query(module, item, params):
        try:
            return {"value": plain(s.query(module, item, params).value)}
        except Exception as err:
            return {"error": describe(err)}

    out["state"] = {
        "twin": query("TfgridModule", "Twins", [twins.get("user")]),
        "farm": query("TfgridModule", "Farms", [farm_id]),
        "node1": query("TfgridModule", "Nodes", [node1_id]),
        "nodeContract": query("SmartContractModule", "Contracts", [node_contract_id]),
        "nodeContractResources": query("SmartContractModule", "NodeContractResources", [node_contract_id]),
        "rentOfNode2": query("SmartContractModule", "ActiveRentContractForNode", [node2_id]),
        "serviceContract": query("SmartContractModule", "ServiceContracts", [service_id]),
        "solutionProvider": query("SmartContractModule", "SolutionProviders", [provider_id]),
        "consumerAccount": query("System", "Account", [flow.address("consumer")]),
    }
    out["runtimeCalls"] = runtime_calls(s, k["user"], flow.address("consumer"), node1_id, farm_id)
    return out


def runtime_calls(s, signer, dest, node_id, farm_id):
    """Fee queries and the ReputationApi through the library, each as {value} or {error}."""
    results = {}

    def attempt(name, fn):
        try:
            results[name] = {"value": plain(fn())}
        except Exception as err:
            results[name] = {"error": describe(err)}

    call = s.compose_call("Balances", "transfer_keep_alive", {"dest": dest, "value": TFT})
    extrinsic = s.create_signed_extrinsic(call=call, keypair=signer)
    length = len(extrinsic.data.data)
    attempt("paymentInfo", lambda: s.get_payment_info(call, signer))
    attempt("queryInfo", lambda: s.runtime_call("TransactionPaymentApi", "query_info", [extrinsic, length]).value)
    attempt("reputationUnregistered", lambda: s.runtime_call("ReputationApi", "node_reputation", [node_id]).value)

    # TransactionPaymentApi with the weight as the metadata declares it (WeightV2), for libraries whose
    # built-in definition still has a plain u64 weight.
    api = s.runtime_config.type_registry["runtime_api"]["TransactionPaymentApi"]
    for field in api["types"]["RuntimeDispatchInfo"]["type_mapping"]:
        if field[0] == "weight":
            field[1] = "sp_weights::weight_v2::Weight"
    attempt("queryInfoWeightV2", lambda: s.runtime_call("TransactionPaymentApi", "query_info", [extrinsic, length]).value)

    s.runtime_config.update_type_registry(REPUTATION_API)
    attempt("nodeReputation", lambda: s.runtime_call("ReputationApi", "node_reputation", [node_id]).value)
    attempt("farmReputation", lambda: s.runtime_call("ReputationApi", "farm_reputation", [farm_id]).value)
    attempt("rankedNodes", lambda: s.runtime_call("ReputationApi", "ranked_nodes", [0, 0, None, 10]).value)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True, help="the node's WebSocket URL")
    parser.add_argument("--label", required=True, help="distinguishes this run's accounts and names ([a-z0-9])")
    parser.add_argument("--public-ip", required=True, help="the farm's public IP (CIDR), unique per run")
    args = parser.parse_args()
    try:
        out = run(args)
    except Exception as err:
        out = {"fatal": describe(err), "traceback": traceback.format_exc()}
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    main()
