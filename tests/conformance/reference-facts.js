// Facts about the TFChain 2.9 runtime that the generated client files of @threefold/tfchain_client
// 2.9.2 do not carry, taken from the interface notes (../shared/spec/01-… §1.2, §1.6, §3;
// 02-… §0, §2.4; 03-… storage tables; 04-… §2.1, §2.2):
//   - pallet indices (typegen leaves the outer Call/Event enums out; lookup.js only proves System = 0
//     and Council = 40 through `TfchainRuntimeOriginCaller`, which reference.js checks);
//   - storage hashers (the augment files give storage keys and values, not hashers), and the Rust
//     storage names where polkadot.js' camelCase name does not give them back;
//   - the identifiers of the signed extensions (lookup.js lists their types, not their names);
//   - which call arguments upstream declares as `BoundedVec` (typegen writes bounded and plain
//     sequences alike, as `Vec<…>` or `Bytes`; 02-… §2.2 and §2.5, 03-… §1.1 and §1.5);
//   - for standard FRAME pallets, which calls, events and storage items public clients use.

/** `state_getRuntimeVersion().specName` of every TFChain network. */
export const SPEC_NAME = 'substrate-threefold';

/** The transaction format `state_getMetadata` must describe. */
export const EXTRINSIC_VERSION = 4;

/**
 * The TFChain pallets, compared in full. `crate` names the Rust crate whose `pallet::Call`,
 * `pallet::Event` and `pallet::Error` lookup.js holds; `hasher` is the hasher of every key of every
 * map of the pallet (null: the pallet has no maps). The Rust name of a storage item (which its
 * storage key hashes) is its polkadot.js name with the first letter in upper case, unless
 * `storageNames` says otherwise.
 *
 * `boundedCallArgs` ({ call: [argument] }, Rust names) lists the call arguments whose declared type
 * is a `BoundedVec` (or an `Option` of one) upstream; every other sequence that a call argument's
 * type writes is a plain `Vec`. Sequences inside named types (structs such as `LocationInput`) are
 * not compared for boundedness, and neither are those of events, errors, storage and constants:
 * the reference does not say.
 */
export const TFCHAIN_PALLETS = [
  { name: 'ValidatorSet', index: 10, crate: 'substrate_validator_set', hasher: null },
  {
    name: 'TfgridModule', index: 25, crate: 'pallet_tfgrid', hasher: 'Blake2_128Concat',
    boundedCallArgs: {
      create_farm: ['name', 'public_ips'],
      update_farm: ['name'],
      add_farm_ip: ['ip', 'gw'],
      remove_farm_ip: ['ip'],
      create_node: ['interfaces', 'serial_number'],
      update_node: ['interfaces', 'serial_number'],
      create_entity: ['country', 'city'],
      update_entity: ['country', 'city'],
      create_twin: ['relay', 'pk'],
      update_twin: ['relay', 'pk'],
      user_accept_tc: ['document_link', 'document_hash'],
      force_reset_farm_ip: ['ip'],
    },
  },
  {
    name: 'SmartContractModule', index: 26, crate: 'pallet_smart_contract', hasher: 'Blake2_128Concat',
    boundedCallArgs: {
      create_node_contract: ['deployment_data'],
      update_node_contract: ['deployment_data'],
    },
  },
  { name: 'TFTBridgeModule', index: 27, crate: 'pallet_tft_bridge', hasher: 'Blake2_128Concat' },
  { name: 'TFTPriceModule', index: 28, crate: 'pallet_tft_price', hasher: 'Blake2_128Concat' },
  { name: 'BurningModule', index: 29, crate: 'pallet_burning', hasher: 'Blake2_128Concat' },
  { name: 'TFKVStore', index: 30, crate: 'pallet_kvstore', hasher: 'Blake2_128Concat', storageNames: { tfkvStore: 'TFKVStore' } },
  { name: 'RuntimeUpgrade', index: 31, crate: 'pallet_runtime_upgrade', hasher: 'Blake2_128Concat' },
  { name: 'Dao', index: 43, crate: 'pallet_dao', hasher: 'Identity' },
  { name: 'Validator', index: 50, crate: 'pallet_validator', hasher: 'Twox64Concat' },
];

/**
 * The standard FRAME pallets: their index always, and only the parts that public clients use
 * (the npm client, the Go client and the validator documentation; 01-… §2.6, §3a, §3b). Call and
 * event names are as declared in Rust; storage names as polkadot.js spells them (camelCase).
 * `hashers` gives the hashers of the listed maps.
 */
export const STANDARD_PALLETS = [
  {
    name: 'System', index: 0, crate: 'frame_system',
    calls: ['remark'], // DAO proposals are system.remark calls
    events: ['ExtrinsicSuccess', 'ExtrinsicFailed'],
    storage: ['account', 'number', 'events'],
    hashers: { account: ['Blake2_128Concat'] },
  },
  { name: 'Timestamp', index: 1, crate: 'pallet_timestamp' },
  {
    name: 'Utility', index: 3, crate: 'pallet_utility',
    calls: ['batch', 'batch_all'],
    events: ['BatchInterrupted'], // the Go client reads its index
  },
  { name: 'Scheduler', index: 4, crate: 'pallet_scheduler' },
  {
    name: 'Session', index: 11, crate: 'pallet_session',
    calls: ['set_keys'], // the validator onboarding flow
  },
  { name: 'Aura', index: 12, crate: null },
  { name: 'Grandpa', index: 13, crate: 'pallet_grandpa' },
  { name: 'Historical', index: 14, crate: null },
  { name: 'Authorship', index: 15, crate: null },
  {
    name: 'Balances', index: 20, crate: 'pallet_balances',
    calls: ['transfer', 'force_transfer', 'force_set_balance', 'transfer_allow_death', 'transfer_keep_alive'],
  },
  {
    name: 'TransactionPayment', index: 21, crate: 'pallet_transaction_payment',
    events: ['TransactionFeePaid'],
  },
  {
    name: 'Council', index: 40, crate: 'pallet_collective',
    calls: ['propose', 'vote', 'close'],
    events: ['Proposed'],
    storage: ['proposalOf', 'proposals', 'proposalCount', 'members'],
    hashers: { proposalOf: ['Identity'] },
  },
  { name: 'CouncilMembership', index: 41, crate: 'pallet_membership' },
];

/**
 * The signed extensions of TFChain 2.9, in order. An extension tied to a pallet is expected only
 * once that pallet is in the runtime (ContractIdProvides is defined by the smart-contract pallet).
 */
export const SIGNED_EXTENSIONS = [
  { identifier: 'CheckNonZeroSender' },
  { identifier: 'CheckSpecVersion' },
  { identifier: 'CheckTxVersion' },
  { identifier: 'CheckGenesis' },
  { identifier: 'CheckMortality' },
  { identifier: 'CheckNonce' },
  { identifier: 'CheckWeight' },
  { identifier: 'ChargeTransactionPayment' },
  { identifier: 'ContractIdProvides', pallet: 'SmartContractModule' },
];
