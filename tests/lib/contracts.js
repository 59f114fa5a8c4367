// Helpers for the SmartContractModule end-to-end tests:
//
// - the TFChain billing arithmetic written out again from the spec (03-… §1.8, 04-… §4): 64.64
//   fixed point in BigInt, truncating `*` and `/`, round-half-up at the end of each formula;
// - a recorder of every block's events and time, to find the bills the validator's offchain worker
//   sends and to read the chain state just before each of them;
// - the expected bill of a contract at a given point of a block, from that state;
// - assertions for SmartContractModule errors at their TFChain indices.
import assert from 'node:assert/strict';

import { E2eError } from './errors.js';
import { describeDispatchError, eventSummary } from './tx.js';

/** The pallet's index in the runtime. */
export const SMART_CONTRACT_PALLET_INDEX = 26;

/** Indices of the SmartContractModule errors the tests expect (TFChain 2.9 declaration order). */
export const SMART_CONTRACT_ERROR_INDEX = {
  TwinNotExists: 0,
  NodeNotExists: 1,
  ContractNotExists: 7,
  TwinNotAuthorizedToCancelContract: 9,
  NodeNotAuthorizedToComputeReport: 11,
  NameNotValid: 16,
  NodeHasActiveContracts: 22,
  NodeHasRentContract: 23,
  NodeNotAvailableToDeploy: 25,
  UnauthorizedToSetExtraFee: 51,
  RewardDistributionError: 52,
  ContractPaymentStateNotExists: 53,
};

/** Indices of SmartContractModule events (TFChain 2.9; 25–28 are the 2.9 additions). */
export const SMART_CONTRACT_EVENT_INDEX = {
  ContractCreated: 0,
  NodeContractCanceled: 2,
  NameContractCanceled: 3,
  IPsFreed: 5,
  ContractBilled: 8,
  UpdatedUsedResources: 10,
  RentContractCanceled: 12,
  ContractGracePeriodStarted: 13,
  ContractGracePeriodEnded: 14,
  NodeExtraFeeSet: 24,
  RentWaived: 25,
  ContractGracePeriodElapsed: 26,
  ContractPaymentOverdrawn: 27,
  RewardDistributed: 28,
};

// ---------------------------------------------------------------------------------------------
// 64.64 fixed point (substrate_fixed::U64F64 semantics for the values billing meets).

const ONE = 1n << 64n;

/** The integer `n` as 64.64 bits. */
export const fx = (n) => BigInt(n) << 64n;

/** `a * b`, truncated to 2^-64. */
const mul = (a, b) => (a * b) >> 64n;

/** `a / b`, truncated to 2^-64. */
const div = (a, b) => {
  if (b === 0n) throw new E2eError('fixed-point division by zero');
  return (a * ONE) / b;
};

/** `a / n` for an integer `n` (fixed ÷ integer divides the bits). */
const divInt = (a, n) => a / BigInt(n);

/** The nearest integer, halves rounded up. */
const round = (a) => (a + (ONE >> 1n)) >> 64n;

const min = (...xs) => xs.reduce((m, x) => (x < m ? x : m));
const max = (...xs) => xs.reduce((m, x) => (x > m ? x : m));

/** `U64F64::from_num(x)` of a double whose binary value fits 64 fractional bits exactly. */
export function fixedFromF64(x) {
  const scaled = x * 2 ** 64; // exact: a power-of-two scaling of a double
  if (!Number.isInteger(scaled)) throw new E2eError(`${x} has no exact 64.64 representation`);
  return BigInt(scaled);
}

// ---------------------------------------------------------------------------------------------
// The billing formulas.

/** Seconds the pricing policy's values are quoted for (BillingReferencePeriod). */
export const REFERENCE_PERIOD = 3600;
/** Seconds in a billing month (SECS_PER_MONTH). */
export const SECS_PER_MONTH = 2_592_000;
/** units-USD (10^-7 USD) in one mUSD. */
export const UNITS_PER_MUSD = 10_000n;
/** TFT units in one TFT. */
export const UNITS_PER_TFT = 10_000_000n;

const UNIT_FACTOR_1024 = {
  Bytes: 1n,
  Kilobytes: 1n << 10n,
  Megabytes: 1n << 20n,
  Gigabytes: 1n << 30n,
  Terrabytes: 1n << 40n,
};

function factor1024(unit) {
  const factor = UNIT_FACTOR_1024[unit];
  if (factor === undefined) throw new E2eError(`unknown pricing unit ${unit}`);
  return factor;
}

/**
 * units-USD of `resources` ({hru, sru, cru, mru}; bytes and cores) and `ipu` public IPs over `secs`
 * seconds (spec 1.8.1). Capacity is priced only when `billResources`.
 */
export function resourcesCostUnitsUsd(resources, ipu, secs, policy, billResources) {
  const reference = fx(REFERENCE_PERIOD);
  let total = 0n;
  if (billResources) {
    const hru = divInt(fx(resources.hru), factor1024(policy.su.unit));
    const sru = divInt(fx(resources.sru), factor1024(policy.su.unit));
    const mru = divInt(fx(resources.mru), factor1024(policy.cu.unit));
    const cru = fx(resources.cru);
    const su = divInt(hru, 1200) + divInt(sru, 200);
    const cu = min(
      max(divInt(mru, 4), divInt(cru, 2)),
      max(divInt(mru, 8), cru),
      max(divInt(mru, 2), divInt(cru, 4)),
    );
    const suCost = mul(mul(div(fx(policy.su.value), reference), fx(secs)), su);
    const cuCost = mul(mul(div(fx(policy.cu.value), reference), fx(secs)), cu);
    total = suCost + cuCost;
  }
  if (ipu > 0) {
    total += mul(mul(fx(ipu), div(fx(policy.ipu.value), reference)), fx(secs));
  }
  return round(total);
}

/** `Percent::from_percent(p) * n` or `Perbill::from_percent(p) * n`: nearest, ties rounded down. */
export function percentOf(percent, n) {
  const product = BigInt(n) * BigInt(percent);
  const quotient = product / 100n;
  return (product % 100n) * 2n > 100n ? quotient + 1n : quotient;
}

/** Least a node contract off a rented node costs, units-USD per hour (NodeContractMinimumCharge, issue 12). */
export const NODE_CONTRACT_MINIMUM_CHARGE = 2_500n;
/** One bill of a node contract takes at most this multiple of its reference cost (MaxBillMultiplier, issue 12). */
export const MAX_BILL_MULTIPLIER = 2n;

/** The minimum charge of a node contract over `secs` seconds, in units-USD. */
export function minimumChargeUnitsUsd(secs) {
  return round(mul(div(fx(NODE_CONTRACT_MINIMUM_CHARGE), fx(REFERENCE_PERIOD)), fx(secs)));
}

/**
 * units-USD of a contract over `secs` seconds (spec 1.8.3; a node contract off a rented node costs
 * at least the minimum charge). `contract` is
 * `{ kind: 'node', used, publicIps, amountUnbilled, rented }`, `{ kind: 'rent', nodeResources }` or
 * `{ kind: 'name' }`.
 */
export function contractCostUnitsUsd(contract, secs, policy) {
  if (secs === 0) return 0n;
  switch (contract.kind) {
    case 'node': {
      const cost = resourcesCostUnitsUsd(contract.used, contract.publicIps, secs, policy, !contract.rented)
        + BigInt(contract.amountUnbilled);
      return contract.rented ? cost : max(cost, minimumChargeUnitsUsd(secs));
    }
    case 'rent':
      return percentOf(policy.discountForDedicationNodes,
        resourcesCostUnitsUsd(contract.nodeResources, 0, secs, policy, true));
    case 'name':
      return round(mul(div(fx(policy.uniqueName.value), fx(REFERENCE_PERIOD)), fx(secs)));
    default:
      throw new E2eError(`unknown contract kind ${contract.kind}`);
  }
}

/**
 * The most one bill of a node contract may reserve for `secs` seconds, in TFT units (issue 12):
 * MaxBillMultiplier × (its node's whole capacity and its IPs + the minimum charge), undiscounted.
 */
export function nodeBillCapTft(nodeResources, publicIps, secs, policy, price) {
  const reference = resourcesCostUnitsUsd(nodeResources, publicIps, secs, policy, true) + minimumChargeUnitsUsd(secs);
  return unitsUsdToTft(reference * MAX_BILL_MULTIPLIER, price);
}

/** The billing price in mUSD per TFT: the average clamped between the minimum and the maximum. */
export function billingPrice({ average, min: low, max: high }) {
  return Math.min(Math.max(average, low), high);
}

/** `units` units-USD in TFT units at `price` ({average, min, max} in mUSD) (spec 1.8.4). */
export function unitsUsdToTft(units, price) {
  const priceUnits = BigInt(billingPrice(price)) * UNITS_PER_MUSD;
  return round(mul(div(fx(units), fx(priceUnits)), fx(UNITS_PER_TFT)));
}

/** Price multipliers of the discount levels, `U64F64::from_num` of TFChain's f64 literals. */
export const DISCOUNT_MULTIPLIER = {
  None: fx(1),
  Default: fixedFromF64(0.8),
  Bronze: fixedFromF64(0.7),
  Silver: fixedFromF64(0.6),
  Gold: fixedFromF64(0.4),
};

/** The discount level a balance earns: how many months of the cost it covers (1.5/3/6/18). */
export function discountLevel(balance, monthly) {
  if (monthly === 0n) return 'None';
  const months = div(fx(balance), fx(monthly));
  if (months >= fx(18)) return 'Gold';
  if (months >= fx(6)) return 'Silver';
  if (months >= fx(3)) return 'Bronze';
  if (months >= fx(3) / 2n) return 'Default';
  return 'None';
}

/**
 * `amount` TFT units billed for `secs` seconds with the discount that `balance` earns, ×1.25 on
 * certified nodes (spec 1.8.5 and 2.9 §4.4). Returns { amount, level, monthly }.
 */
export function applyDiscount(amount, secs, balance, certified) {
  if (amount === 0n) return { amount: 0n, level: 'None', monthly: 0n };
  const hourly = div(mul(fx(amount), fx(REFERENCE_PERIOD)), fx(secs));
  const monthly = round(hourly * 24n * 30n);
  const level = discountLevel(balance, monthly);
  let discounted = mul(fx(amount), DISCOUNT_MULTIPLIER[level]);
  if (certified) discounted = mul(discounted, fixedFromF64(1.25));
  return { amount: round(discounted), level, monthly };
}

/** The dedicated-node extra fee (`feeMusd` mUSD a month) over `secs` seconds, in TFT units, undiscounted. */
export function extraFeeTft(feeMusd, secs, price) {
  if (BigInt(feeMusd) === 0n) return 0n;
  const units = round(div(fx(BigInt(feeMusd) * UNITS_PER_MUSD * BigInt(secs)), fx(SECS_PER_MONTH)));
  return unitsUsdToTft(units, price);
}

/**
 * How a distribution of `standard` + `additional` TFT units is shared (2.9 §4.7): 10 % staking
 * pool, then 40 % foundation and the rest to the farmer (node and rent contracts), or the rest to
 * the foundation (name contracts); the extra fee goes to the farmer.
 */
export function rewardSplit(kind, standard, additional) {
  // Perbill::from_percent(p) * n rounds like Percent: to the nearest, ties down.
  const staking = percentOf(10, standard);
  if (kind === 'name') {
    return { staking, foundation: BigInt(standard) - staking, farmer: 0n };
  }
  const foundation = percentOf(40, standard);
  return { staking, foundation, farmer: BigInt(standard) - staking - foundation + BigInt(additional) };
}

/** What an account can spend (pallet-balances reducible_balance(Preserve, Polite)): free − max(frozen − reserved, ED). */
export function usableBalance(accountData, existentialDeposit) {
  const free = accountData.free.toBigInt();
  const frozen = accountData.frozen.toBigInt();
  const reserved = accountData.reserved.toBigInt();
  const untouchable = max(frozen > reserved ? frozen - reserved : 0n, BigInt(existentialDeposit));
  return free > untouchable ? free - untouchable : 0n;
}

// ---------------------------------------------------------------------------------------------
// Blocks and their events.

/**
 * Records every block of the best chain (number, hash, parent, chain time in seconds, events) as
 * it is imported, filling gaps so that no block is missed. A --dev node has one author, so the
 * best chain does not reorganise.
 */
export class BlockRecorder {
  constructor(api) {
    this.api = api;
    this.blocks = [];
    this.byNumber = new Map();
    this.chain = Promise.resolve();
    this.unsubscribe = null;
    this.error = null;
  }

  async start() {
    const head = await this.api.rpc.chain.getHeader();
    this.next = head.number.toNumber() + 1;
    this.unsubscribe = await this.api.rpc.chain.subscribeNewHeads((header) => {
      const upTo = header.number.toNumber();
      this.chain = this.chain.then(() => this.#recordUpTo(upTo)).catch((err) => {
        this.error = err;
      });
    });
    return this;
  }

  stop() {
    if (this.unsubscribe) this.unsubscribe();
    this.unsubscribe = null;
  }

  async #recordUpTo(number) {
    for (; this.next <= number; this.next += 1) {
      const hash = (await this.api.rpc.chain.getBlockHash(this.next)).toHex();
      const at = await this.api.at(hash);
      const [header, events, now] = await Promise.all([
        this.api.rpc.chain.getHeader(hash),
        at.query.system.events(),
        at.query.timestamp.now(),
      ]);
      const parentNow = await (await this.api.at(header.parentHash)).query.timestamp.now();
      const block = {
        number: this.next,
        hash,
        parentHash: header.parentHash.toHex(),
        seconds: Math.floor(now.toNumber() / 1000),
        // The clock of the block's initialization (the timestamp inherent comes after it): the
        // time the chain's billing loop bills up to.
        parentSeconds: Math.floor(parentNow.toNumber() / 1000),
        events,
      };
      this.blocks.push(block);
      this.byNumber.set(block.number, block);
    }
  }

  /**
   * Every recorded event matching `predicate(event)`, in chain order, as
   * `{ block, index, extrinsic, event }` (`extrinsic`: the index of the extrinsic that emitted
   * it, or null for block hooks).
   */
  find(predicate) {
    if (this.error) throw this.error;
    const found = [];
    for (const block of this.blocks) {
      block.events.forEach(({ phase, event }, index) => {
        if (!predicate(event)) return;
        const extrinsic = phase.isApplyExtrinsic ? phase.asApplyExtrinsic.toNumber() : null;
        found.push({ block, index, extrinsic, event });
      });
    }
    return found;
  }

  /** Waits until `find(predicate)` has at least `count` entries; returns them. */
  async waitFor(what, predicate, { count = 1, timeoutMs = 120_000, node } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      node?.assertRunning(`while waiting for ${what}`);
      const found = this.find(predicate);
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        const last = this.blocks.at(-1);
        throw new E2eError(`timed out after ${timeoutMs / 1000} s waiting for ${what}`
          + ` (found ${found.length} of ${count}; last recorded block #${last?.number})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** Waits until block `number` is recorded; returns it. */
  async block(number, { timeoutMs = 60_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    while (!this.byNumber.has(number)) {
      if (this.error) throw this.error;
      if (Date.now() > deadline) throw new E2eError(`block #${number} was not recorded within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return this.byNumber.get(number);
  }
}

/** A SmartContractModule event of `method`? */
export const isContractEvent = (method) => (event) =>
  event.section === 'smartContractModule' && event.method === method;

/** The contract id an event of the pallet is about (ContractBilled carries it in its struct). */
export function contractIdOf(event) {
  const data = event.data;
  if (data.names?.includes('contractId')) return data.contractId.toNumber();
  return data[0].contractId.toNumber();
}

// ---------------------------------------------------------------------------------------------
// The expected bill of a contract.

/**
 * What billing contract `contractId` in `block` at extrinsic `extrinsic` should do, computed from
 * the chain state at the parent block (plus the capacity reports that `block` applies before that
 * extrinsic), the given `policy` and the TFT price read at the parent block.
 *
 * The owner's spendable balance (sufficiency, discount level) is read at the parent block too, so
 * the owner must not spend in the block before the bill (or only amounts that cannot move the
 * discount level across a boundary). A second bill of the same contract in one block is not
 * modelled and is reported as such.
 *
 * Returns { secs, standard, additional, level, overdraftBefore, totalToReserve (capped for node
 * contracts), sufficient, twinUsable, totalUsable, paymentBefore, kind, twinAccount, nodeId }.
 */
/**
 * The clock of a bill made in `block` by extrinsic `extrinsic`, or by the chain's billing loop
 * (`extrinsic` null: the block's initialization, before the timestamp inherent): the parent's.
 */
export function billSeconds(block, extrinsic) {
  return extrinsic === null ? block.parentSeconds : block.seconds;
}

/** Whether an event of `phase` came before those of extrinsic `extrinsic` (null: initialization). */
export function isEarlierPhase(phase, extrinsic) {
  if (extrinsic === null) return false;
  return phase.isInitialization || (phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() < extrinsic);
}

/** Whether an event of `phase` came after those of extrinsic `extrinsic` (null: initialization). */
export function isLaterPhase(phase, extrinsic) {
  if (extrinsic === null) return !phase.isInitialization;
  return phase.isFinalization || (phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() > extrinsic);
}

/** Whether an event of `phase` was emitted with those of extrinsic `extrinsic` (null: initialization). */
export function isSamePhase(phase, extrinsic) {
  if (extrinsic === null) return phase.isInitialization;
  return phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === extrinsic;
}

export async function expectedBill(api, { block, extrinsic, contractId, policy, existentialDeposit }) {
  const earlier = block.events.some(({ phase, event }) => isEarlierPhase(phase, extrinsic)
    && (isContractEvent('ContractBilled')(event) || isContractEvent('ContractPaymentOverdrawn')(event))
    && contractIdOf(event) === contractId);
  if (earlier) {
    throw new E2eError(`contract ${contractId} was billed twice in block #${block.number}; the test does not model that`);
  }
  const parent = await api.at(block.parentHash);
  const sc = parent.query.smartContractModule;
  const contractOpt = await sc.contracts(contractId);
  assert.ok(contractOpt.isSome, `contract ${contractId} exists before its bill in block #${block.number}`);
  const contract = contractOpt.unwrap();
  const payment = (await sc.contractPaymentState(contractId)).unwrap();
  const twin = (await parent.query.tfgridModule.twins(contract.twinId)).unwrap();
  const twinAccount = twin.accountId.toString();
  const twinUsable = usableBalance((await parent.query.system.account(twinAccount)).data, existentialDeposit);
  const stash = await parent.query.tfgridModule.twinBoundedAccountID(contract.twinId);
  const stashUsable = stash.isSome
    ? usableBalance((await parent.query.system.account(stash.unwrap())).data, existentialDeposit)
    : 0n;
  const price = {
    average: (await parent.query.tftPriceModule.averageTftPrice()).toNumber(),
    min: (await parent.query.tftPriceModule.minTftPrice()).toNumber(),
    max: (await parent.query.tftPriceModule.maxTftPrice()).toNumber(),
  };

  const secs = billSeconds(block, extrinsic) - payment.lastUpdatedSeconds.toNumber();
  assert.ok(secs >= 0, `contract ${contractId}: the bill's time is not before its last bill`);
  const type = contract.contractType;
  let costContract;
  let nodeId = 0;
  let certified = false;
  let extraFee = 0n;
  let cap = null;
  if (type.isNodeContract) {
    const nc = type.asNodeContract;
    nodeId = nc.nodeId.toNumber();
    let used = (await sc.nodeContractResources(contractId)).used;
    // A capacity report earlier in the same block counts.
    for (const { event } of block.events.filter(({ phase, event }) => isEarlierPhase(phase, extrinsic)
      && event.section === 'smartContractModule' && event.method === 'UpdatedUsedResources'
      && event.data[0].contractId.toNumber() === contractId)) {
      used = event.data[0].used;
    }
    costContract = {
      kind: 'node',
      used: resourcesOf(used),
      publicIps: nc.publicIps.toNumber(),
      amountUnbilled: (await sc.contractBillingInformationByID(contractId)).amountUnbilled.toBigInt(),
      rented: (await sc.activeRentContractForNode(nodeId)).isSome,
    };
    const node = (await parent.query.tfgridModule.nodes(nodeId)).unwrap();
    cap = nodeBillCapTft(resourcesOf(node.resources), costContract.publicIps, secs, policy, price);
  } else if (type.isRentContract) {
    nodeId = type.asRentContract.nodeId.toNumber();
    const node = (await parent.query.tfgridModule.nodes(nodeId)).unwrap();
    costContract = { kind: 'rent', nodeResources: resourcesOf(node.resources) };
    extraFee = (await sc.dedicatedNodesExtraFee(nodeId)).toBigInt();
    const power = await parent.query.tfgridModule.nodePower(nodeId);
    assert.ok(!power.state.isDown, `rent contract ${contractId}: its node is up (no RentWaived expected)`);
  } else {
    costContract = { kind: 'name' };
  }
  if (nodeId !== 0) {
    const node = (await parent.query.tfgridModule.nodes(nodeId)).unwrap();
    certified = node.certification.isCertified;
  }

  const totalUsable = twinUsable + stashUsable;
  const units = contractCostUnitsUsd(costContract, secs, policy);
  const standardBill = units === 0n
    ? { amount: 0n, level: 'None', monthly: 0n }
    : applyDiscount(unitsUsdToTft(units, price), secs, totalUsable, certified);
  const additional = costContract.kind === 'rent' ? extraFeeTft(extraFee, secs, price) : 0n;
  const overdraftBefore = payment.standardOverdraft.toBigInt() + payment.additionalOverdraft.toBigInt();
  const totalDue = standardBill.amount + additional + overdraftBefore;
  // A node contract's bill is capped; the rest stays as overdraft (issue 12).
  const totalToReserve = cap !== null && totalDue > cap ? cap : totalDue;
  return {
    kind: costContract.kind,
    nodeId,
    secs,
    units,
    price,
    standard: standardBill.amount,
    monthly: standardBill.monthly,
    level: standardBill.level,
    additional,
    overdraftBefore,
    totalToReserve,
    sufficient: totalToReserve <= twinUsable,
    twinUsable,
    totalUsable,
    twinAccount,
    twinId: contract.twinId.toNumber(),
    paymentBefore: payment,
  };
}

/** Resources as plain BigInts. */
export function resourcesOf(resources) {
  return {
    hru: resources.hru.toBigInt(),
    sru: resources.sru.toBigInt(),
    cru: resources.cru.toBigInt(),
    mru: resources.mru.toBigInt(),
  };
}

// ---------------------------------------------------------------------------------------------
// Module errors.

/**
 * Asserts that the extrinsic failed in ExtrinsicFailed with the SmartContractModule error `name`,
 * at module index 26 and TFChain's error index, and that it emitted no SmartContractModule event.
 */
export function expectContractError(api, result, name) {
  const summary = JSON.stringify(eventSummary(result.events));
  assert.ok(result.dispatchError, `${result.what} must fail with SmartContractModule.${name}, but succeeded: ${summary}`);
  const failed = result.events.find(({ event }) => api.events.system.ExtrinsicFailed.is(event));
  assert.ok(failed, `${result.what}: ExtrinsicFailed expected: ${summary}`);
  const error = describeDispatchError(api, result.dispatchError);
  assert.equal(error.text, `smartContractModule.${name}`, `${result.what}: the module error`);
  const { index, error: errorBytes } = result.dispatchError.asModule;
  assert.equal(index.toNumber(), SMART_CONTRACT_PALLET_INDEX, `${result.what}: the error's pallet index`);
  assert.ok(name in SMART_CONTRACT_ERROR_INDEX, `the test knows the index of ${name}`);
  assert.equal(errorBytes[0], SMART_CONTRACT_ERROR_INDEX[name], `${result.what}: the index of error ${name}`);
  assert.equal(failed.event.data[0].toHex(), result.dispatchError.toHex(), `${result.what}: ExtrinsicFailed's error`);
  const own = result.events.filter(({ event }) => event.section === 'smartContractModule');
  assert.deepEqual(eventSummary(own), [], `${result.what}: a failed call emits no SmartContractModule event`);
}

/** The only SmartContractModule event named `method` among an extrinsic's events. */
export function contractEvent(result, method) {
  const found = result.events
    .filter(({ event }) => event.section === 'smartContractModule' && event.method === method)
    .map(({ event }) => event);
  assert.equal(found.length, 1,
    `${result.what}: exactly one SmartContractModule.${method} expected: ${JSON.stringify(eventSummary(result.events))}`);
  return found[0];
}
