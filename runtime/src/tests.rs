//! Unit tests of the runtime's composition: fees, deposits, pallet indices, transaction extensions
//! and genesis presets.

use crate::*;
use crate::weights::ExtrinsicBaseWeight;
use frame_support::{
    traits::{Get, PalletInfoAccess},
    weights::{WeightToFee as _},
};
use frame_support::__private::metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use codec::Encode;
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

fn metadata_v14() -> frame_support::__private::metadata::v14::RuntimeMetadataV14 {
    // Constants backed by storage parameters (the reputation period) are read from storage.
    let RuntimeMetadataPrefixed(magic, metadata) =
        sp_io::TestExternalities::default().execute_with(Runtime::metadata);
    assert_eq!(magic, 0x6174_656d, "metadata must start with the `meta` magic");
    match metadata {
        RuntimeMetadata::V14(metadata) => metadata,
        _ => panic!("Runtime::metadata() must return V14 for gsrpc and substrate-interface"),
    }
}

#[test]
fn base_extrinsic_costs_one_thousandth_of_a_tft() {
    assert_eq!(fees::WeightToFee::weight_to_fee(&ExtrinsicBaseWeight::get()), DOLLARS / 1_000);
    assert_eq!(fees::WeightToFee::weight_to_fee(&ExtrinsicBaseWeight::get()), 10_000);
}

#[test]
fn weight_fee_grows_linearly_with_weight() {
    let base = ExtrinsicBaseWeight::get();
    let fee_of_ten = fees::WeightToFee::weight_to_fee(&base.saturating_mul(10));
    assert!((99_990..=100_010).contains(&fee_of_ten), "fee of 10 base weights: {fee_of_ten}");
}

#[test]
fn length_costs_one_unit_per_byte() {
    sp_io::TestExternalities::default().execute_with(|| {
        assert_eq!(TransactionPayment::length_to_fee(0), 0);
        assert_eq!(TransactionPayment::length_to_fee(1), 1);
        assert_eq!(TransactionPayment::length_to_fee(1_000), 1_000);
    });
}

#[test]
fn existential_deposit_is_500_units() {
    assert_eq!(<<Runtime as pallet_balances::Config>::ExistentialDeposit as Get<Balance>>::get(), 500);
    assert_eq!(EXISTENTIAL_DEPOSIT, 500);
}

#[test]
fn ss58_prefix_is_42_and_blocks_last_six_seconds() {
    assert_eq!(<Runtime as frame_system::Config>::SS58Prefix::get(), 42);
    assert_eq!(<<Runtime as pallet_aura::Config>::SlotDuration as Get<u64>>::get(), 6_000);
    assert_eq!(<<Runtime as pallet_timestamp::Config>::MinimumPeriod as Get<u64>>::get(), 3_000);
}

#[test]
fn pallets_sit_at_their_tfchain_indices() {
    let expected: &[(&str, usize, usize)] = &[
        ("System", System::index(), 0),
        ("Timestamp", Timestamp::index(), 1),
        ("Utility", Utility::index(), 3),
        ("Scheduler", Scheduler::index(), 4),
        ("ValidatorSet", ValidatorSet::index(), 10),
        ("Session", Session::index(), 11),
        ("Aura", Aura::index(), 12),
        ("Grandpa", Grandpa::index(), 13),
        ("Historical", Historical::index(), 14),
        ("Authorship", Authorship::index(), 15),
        ("Balances", Balances::index(), 20),
        ("TransactionPayment", TransactionPayment::index(), 21),
        ("TfgridModule", TfgridModule::index(), 25),
        ("SmartContractModule", SmartContractModule::index(), 26),
        ("TFTBridgeModule", TFTBridgeModule::index(), 27),
        ("TFTPriceModule", TFTPriceModule::index(), 28),
        ("BurningModule", BurningModule::index(), 29),
        ("TFKVStore", TFKVStore::index(), 30),
        ("RuntimeUpgrade", RuntimeUpgrade::index(), 31),
        ("Reputation", Reputation::index(), 32),
        ("Council", Council::index(), 40),
        ("CouncilMembership", CouncilMembership::index(), 41),
        ("Dao", Dao::index(), 43),
        ("Validator", Validator::index(), 50),
    ];
    for (name, actual, wanted) in expected {
        assert_eq!(actual, wanted, "{name} must be at index {wanted}");
    }
    let metadata = metadata_v14();
    let in_metadata: Vec<(String, u8)> =
        metadata.pallets.iter().map(|p| (p.name.clone(), p.index)).collect();
    let wanted: Vec<(String, u8)> =
        expected.iter().map(|(name, _, index)| (name.to_string(), *index as u8)).collect();
    assert_eq!(in_metadata, wanted);
}

#[test]
fn transaction_extensions_are_upstreams_nine_in_order() {
    let identifiers: Vec<String> =
        metadata_v14().extrinsic.signed_extensions.iter().map(|e| e.identifier.clone()).collect();
    assert_eq!(
        identifiers,
        [
            "CheckNonZeroSender",
            "CheckSpecVersion",
            "CheckTxVersion",
            "CheckGenesis",
            "CheckMortality",
            "CheckNonce",
            "CheckWeight",
            "ChargeTransactionPayment",
            "ContractIdProvides",
        ]
    );
}

#[test]
fn runtime_is_named_substrate_threefold() {
    assert_eq!(VERSION.spec_name, "substrate-threefold");
    assert_eq!(VERSION.impl_name, "substrate-threefold");
    assert_eq!(VERSION.transaction_version, 2);
}

/// A preset merged over the defaults, as the node's chain-spec builder does.
fn preset_config(name: &str) -> serde_json::Value {
    let preset = genesis_config_presets::get_preset(&name.into())
        .unwrap_or_else(|| panic!("preset {name} exists"));
    let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
    let patch: serde_json::Value = serde_json::from_slice(&preset).unwrap();
    merge_json(&mut config, patch);
    config
}

/// Build a full genesis config through the runtime's `GenesisBuilder::build_state` path.
fn build_genesis(config: &serde_json::Value) -> (sp_io::TestExternalities, Result<(), String>) {
    let mut ext = sp_io::TestExternalities::new(Default::default());
    let result = ext.execute_with(|| {
        genesis_check::build_checked_state(&serde_json::to_vec(config).unwrap())
    });
    (ext, result)
}

fn build_preset(name: &str) -> sp_io::TestExternalities {
    let (ext, result) = build_genesis(&preset_config(name));
    result.unwrap_or_else(|error| panic!("preset {name} builds: {error}"));
    ext
}

/// The development preset with `edit` applied to its merged JSON.
fn edited_dev_genesis(edit: impl FnOnce(&mut serde_json::Value)) -> Result<(), String> {
    let mut config = preset_config(DEV_RUNTIME_PRESET);
    edit(&mut config);
    build_genesis(&config).1
}

#[test]
fn genesis_without_the_price_bounds_is_refused_with_a_message() {
    let error = edited_dev_genesis(|config| {
        config["tftPriceModule"] = serde_json::to_value(
            pallet_tft_price::GenesisConfig::<Runtime>::default(),
        )
        .unwrap();
    })
    .expect_err("a genesis with minTftPrice = maxTftPrice = 0 is refused");
    assert!(error.contains("refusing this genesis"), "{error}");
    assert!(error.contains("tftPriceModule.minTftPrice is 0"), "{error}");
}

#[test]
fn genesis_with_max_price_below_min_is_refused() {
    let error = edited_dev_genesis(|config| {
        config["tftPriceModule"]["minTftPrice"] = 100.into();
        config["tftPriceModule"]["maxTftPrice"] = 99.into();
    })
    .expect_err("max below min is refused");
    assert!(error.contains("maxTftPrice (99) must be above minTftPrice (100)"), "{error}");
}

#[test]
fn genesis_without_a_pricing_policy_is_refused_with_a_message() {
    let error = edited_dev_genesis(|config| {
        config["tfgridModule"] =
            serde_json::to_value(pallet_tfgrid::GenesisConfig::<Runtime>::default()).unwrap();
    })
    .expect_err("a genesis without pricing policy 1 is refused");
    assert!(error.contains("tfgridModule.foundationAccount"), "{error}");
}

#[test]
fn genesis_with_equal_price_bounds_is_refused() {
    let error = edited_dev_genesis(|config| {
        config["tftPriceModule"]["minTftPrice"] = 50.into();
        config["tftPriceModule"]["maxTftPrice"] = 50.into();
    })
    .expect_err("equal bounds are refused, as the price pallet requires min < max");
    assert!(error.contains("maxTftPrice (50) must be above minTftPrice (50)"), "{error}");
}

/// Recursively merges `patch` into `base` (objects key by key, everything else replaced).
fn merge_json(base: &mut serde_json::Value, patch: serde_json::Value) {
    match (base, patch) {
        (serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
            for (key, value) in patch {
                merge_json(base.entry(key).or_insert(serde_json::Value::Null), value);
            }
        },
        (base, patch) => *base = patch,
    }
}

#[test]
fn development_preset_has_alice_as_sole_validator_and_a_two_member_council() {
    build_preset(DEV_RUNTIME_PRESET).execute_with(|| {
        let alice = Sr25519Keyring::Alice.to_account_id();
        let bob = Sr25519Keyring::Bob.to_account_id();
        assert_eq!(pallet_validator_set::Validators::<Runtime>::get().into_inner(), vec![alice.clone()]);
        assert_eq!(pallet_session::Validators::<Runtime>::get(), vec![alice.clone()]);
        assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
        assert_eq!(pallet_grandpa::Authorities::<Runtime>::get().len(), 1);
        assert_eq!(pallet_collective::Members::<Runtime, configs::CouncilCollective>::get(), {
            let mut members = vec![alice.clone(), bob.clone()];
            members.sort();
            members
        });
        assert_eq!(Balances::free_balance(&alice), genesis_config_presets::ENDOWMENT);
        assert_eq!(Balances::free_balance(&bob), genesis_config_presets::ENDOWMENT);
        assert_eq!(Balances::free_balance(Sr25519Keyring::Charlie.to_account_id()), 0);
    });
}

#[test]
fn local_testnet_preset_has_alice_and_bob_as_validators() {
    build_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
        let validators = vec![Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id()];
        assert_eq!(pallet_validator_set::Validators::<Runtime>::get().into_inner(), validators);
        assert_eq!(pallet_session::Validators::<Runtime>::get(), validators);
        assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 2);
        assert_eq!(
            Balances::free_balance(Sr25519Keyring::Ferdie.to_account_id()),
            genesis_config_presets::ENDOWMENT
        );
    });
}

#[test]
fn presets_insert_the_default_pricing_and_farming_policies() {
    for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
        build_preset(preset).execute_with(|| {
            let pricing = pallet_tfgrid::PricingPolicies::<Runtime>::get(1)
                .unwrap_or_else(|| panic!("{preset}: pricing policy 1 exists"));
            assert_eq!(pallet_tfgrid::PricingPolicyID::<Runtime>::get(), 1);
            assert_eq!(pricing.su.value, 50_000);
            assert_eq!(pricing.nu.value, 15_000);
            assert_eq!(pricing.ipu.value, 40_000);
            assert_eq!(pricing.cu.value, 100_000);
            assert_eq!(pricing.domain_name.value, 5_000);
            assert_eq!(pricing.unique_name.value, 2_500);
            assert_eq!(pricing.foundation_account, Sr25519Keyring::Eve.to_account_id());
            assert_eq!(pricing.certified_sales_account, Sr25519Keyring::Ferdie.to_account_id());
            assert_eq!(pricing.discount_for_dedication_nodes, 50);

            assert_eq!(pallet_tfgrid::FarmingPolicyID::<Runtime>::get(), 2);
            let diy = pallet_tfgrid::FarmingPoliciesMap::<Runtime>::get(1);
            assert_eq!((diy.cu, diy.nu, diy.su, diy.ipv4, diy.minimal_uptime), (2_400, 30, 1_000, 5, 95));
            assert!(diy.default);
            let certified = pallet_tfgrid::FarmingPoliciesMap::<Runtime>::get(2);
            assert_eq!(
                (certified.cu, certified.nu, certified.su, certified.ipv4, certified.minimal_uptime),
                (3_000, 38, 1_250, 6, 95)
            );
            assert_eq!(pallet_tfgrid::ConnectionPrice::<Runtime>::get(), 80);
            TfgridModule::do_try_state().expect("genesis satisfies the registry's invariants");
        });
    }
}

#[test]
fn presets_set_the_billing_price_and_frequency_and_the_bridge() {
    for (preset, frequency) in [(DEV_RUNTIME_PRESET, 10), (LOCAL_TESTNET_RUNTIME_PRESET, 5)] {
        build_preset(preset).execute_with(|| {
            use tfchain_support::traits::TftPriceProvider;
            assert_eq!(pallet_smart_contract::BillingFrequency::<Runtime>::get(), frequency);
            assert_eq!(configs::TftPriceFromOracle::average_tft_price(), 50);
            assert_eq!(configs::TftPriceFromOracle::min_tft_price(), 10);
            assert_eq!(configs::TftPriceFromOracle::max_tft_price(), 1_000);
            let bridge_validators = pallet_tft_bridge::Validators::<Runtime>::get();
            assert_eq!(bridge_validators.len(), 1);
            assert_eq!(Balances::free_balance(&bridge_validators[0]), genesis_config_presets::ENDOWMENT);
            assert_eq!(
                pallet_tft_bridge::FeeAccount::<Runtime>::get(),
                Some(Sr25519Keyring::Ferdie.to_account_id())
            );
        });
    }
}

#[test]
fn staking_pool_is_tfchains_reward_account() {
    use sp_core::crypto::Ss58Codec;
    let expected = AccountId::from_ss58check("5CNposRewardAccount11111111111111111111111111FSU")
        .expect("a valid SS58 address");
    assert_eq!(configs::StakingPoolAccount::get(), expected);
}

#[test]
fn only_aura_authorities_bill_for_free() {
    use frame_support::traits::Contains;
    build_preset(DEV_RUNTIME_PRESET).execute_with(|| {
        assert!(configs::AuraAuthorityAccounts::contains(&Sr25519Keyring::Alice.to_account_id()));
        assert!(!configs::AuraAuthorityAccounts::contains(&Sr25519Keyring::Bob.to_account_id()));
    });
}

#[test]
fn sessions_last_an_hour_unless_the_chain_spec_says_otherwise() {
    sp_io::TestExternalities::default().execute_with(|| {
        assert_eq!(configs::SessionPeriod::get(), 600);
        let key = sp_io::hashing::twox_128(b":SessionPeriod:");
        sp_io::storage::set(&key, &10u32.encode());
        assert_eq!(configs::SessionPeriod::get(), 10);
    });
}

#[test]
fn unknown_preset_is_none() {
    assert!(genesis_config_presets::get_preset(&"mainnet".into()).is_none());
    assert_eq!(genesis_config_presets::preset_names().len(), 2);
}

/// A GRANDPA prevote equivocation claimed to be `identity`'s in round 1 of set 0: two prevotes for
/// different blocks, both signed by `signer`.
fn grandpa_prevote_equivocation(
    signer: Ed25519Keyring,
    identity: Ed25519Keyring,
) -> sp_consensus_grandpa::EquivocationProof<Hash, BlockNumber> {
    let (round, set_id) = (1, 0);
    let signed_prevote = |target: Hash| {
        let prevote = finality_grandpa::Prevote { target_hash: target, target_number: 1 };
        let payload = sp_consensus_grandpa::localized_payload(
            round,
            set_id,
            &finality_grandpa::Message::Prevote(prevote.clone()),
        );
        (prevote, signer.sign(&payload).into())
    };
    let equivocation = finality_grandpa::Equivocation {
        round_number: round,
        identity: identity.public().into(),
        first: signed_prevote(Hash::repeat_byte(1)),
        second: signed_prevote(Hash::repeat_byte(2)),
    };
    sp_consensus_grandpa::EquivocationProof::new(
        set_id,
        sp_consensus_grandpa::Equivocation::Prevote(equivocation),
    )
}

#[test]
fn grandpa_equivocation_report_drops_the_offender_at_the_next_session() {
    use frame_support::traits::{KeyOwnerProofSystem, UnfilteredDispatchable};
    build_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
        System::set_block_number(1);
        let bob = Sr25519Keyring::Bob.to_account_id();
        let bob_grandpa: GrandpaId = Ed25519Keyring::Bob.public().into();
        let key_owner_proof = Historical::prove((sp_consensus_grandpa::KEY_TYPE, bob_grandpa))
            .expect("Bob's GRANDPA key is in the session history");

        let report = pallet_grandpa::Call::<Runtime>::report_equivocation_unsigned {
            equivocation_proof: Box::new(grandpa_prevote_equivocation(
                Ed25519Keyring::Bob,
                Ed25519Keyring::Bob,
            )),
            key_owner_proof,
        };
        let validate = |call: &pallet_grandpa::Call<Runtime>| {
            <Grandpa as sp_runtime::traits::ValidateUnsigned>::validate_unsigned(
                sp_runtime::transaction_validity::TransactionSource::Local,
                call,
            )
        };
        assert!(validate(&report).is_ok(), "a new report enters the pool");

        assert_eq!(pallet_validator_set::OfflineValidators::<Runtime>::get().into_inner(), vec![]);
        frame_support::assert_ok!(
            report.clone().dispatch_bypass_filter(RuntimeOrigin::none())
        );
        assert_eq!(
            pallet_validator_set::OfflineValidators::<Runtime>::get().into_inner(),
            vec![bob.clone()],
            "the offender is marked for removal"
        );
        // The pool refuses the same report again: it is a known offence.
        assert_eq!(
            validate(&report),
            Err(sp_runtime::transaction_validity::InvalidTransaction::Stale.into())
        );

        Session::rotate_session();
        assert_eq!(
            pallet_validator_set::Validators::<Runtime>::get().into_inner(),
            vec![Sr25519Keyring::Alice.to_account_id()],
            "the next session is planned without the offender"
        );
        assert!(pallet_validator_set::ApprovedValidators::<Runtime>::get().contains(&bob));
    });
}

#[test]
fn grandpa_equivocation_report_with_a_forged_signature_is_rejected() {
    use frame_support::traits::KeyOwnerProofSystem;
    build_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
        System::set_block_number(1);
        let bob_grandpa: GrandpaId = Ed25519Keyring::Bob.public().into();
        let key_owner_proof =
            Historical::prove((sp_consensus_grandpa::KEY_TYPE, bob_grandpa.clone())).unwrap();
        // Alice signs two prevotes and claims they are Bob's.
        let proof = grandpa_prevote_equivocation(Ed25519Keyring::Alice, Ed25519Keyring::Bob);
        assert!(Grandpa::report_equivocation_unsigned(
            RuntimeOrigin::none(),
            Box::new(proof),
            key_owner_proof,
        )
        .is_err());
        assert!(pallet_validator_set::OfflineValidators::<Runtime>::get().is_empty());
    });
}

/// The version byte of an encoded extrinsic (after its compact length prefix).
fn extrinsic_version_byte(extrinsic: &UncheckedExtrinsic) -> u8 {
    let encoded = extrinsic.encode();
    let mut input = &encoded[..];
    let _length = <codec::Compact<u32> as codec::Decode>::decode(&mut input).unwrap();
    input[0]
}

#[test]
fn inherents_are_extrinsic_format_version_4() {
    use frame_support::inherent::ProvideInherent;
    use sp_block_builder::runtime_decl_for_block_builder::BlockBuilderV6;

    build_preset(DEV_RUNTIME_PRESET).execute_with(|| {
        let mut data = sp_inherents::InherentData::new();
        data.put_data(<Timestamp as ProvideInherent>::INHERENT_IDENTIFIER, &6_000u64).unwrap();
        let inherents = <Runtime as BlockBuilderV6<Block>>::inherent_extrinsics(data);
        assert_eq!(inherents.len(), 1, "the timestamp inherent");
        // Version 4, bare (no signature bit): 0x04.
        assert_eq!(extrinsic_version_byte(&inherents[0]), 0x04);
        assert!(matches!(inherents[0].function, RuntimeCall::Timestamp(_)));
    });
}

#[test]
fn unsigned_transactions_built_in_the_runtime_are_version_4() {
    use frame_system::offchain::CreateBare;

    let call = RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() });
    let extrinsic = <Runtime as CreateBare<RuntimeCall>>::create_bare(call);
    assert_eq!(extrinsic_version_byte(&extrinsic), 0x04);
}

/// Builds block `number` on `parent` up to its first transaction as the node does
/// (`initialize_block`, then the timestamp inherent at `number`'s slot), with Aura's slot in the
/// digest.
fn start_block(number: BlockNumber, parent: Hash) {
    use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
    use sp_runtime::traits::Header as _;
    let slot = Slot::from(u64::from(number));
    let digest = sp_runtime::Digest {
        logs: vec![sp_runtime::DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())],
    };
    let header = Header::new(number, Default::default(), Default::default(), parent, digest);
    Executive::initialize_block(&header);
    let set_time = RuntimeCall::Timestamp(pallet_timestamp::Call::set { now: u64::from(number) * 6_000 });
    Executive::apply_extrinsic(UncheckedExtrinsic::new_bare(set_time))
        .expect("the timestamp inherent applies")
        .expect("and succeeds");
}

#[test]
fn the_chain_bills_due_contracts_before_a_blocks_transactions_whatever_they_weigh() {
    use frame_support::dispatch::DispatchClass;
    build_preset(DEV_RUNTIME_PRESET).execute_with(|| {
        let alice = Sr25519Keyring::Alice.to_account_id();
        let origin = || RuntimeOrigin::signed(alice.clone());
        start_block(1, Default::default());
        TfgridModule::user_accept_tc(origin(), b"https://threefold.io/tc".to_vec().try_into().unwrap(), b"0x12".to_vec().try_into().unwrap())
            .expect("terms accepted");
        TfgridModule::create_twin(origin(), None, None).expect("twin created");
        SmartContractModule::create_name_contract(origin(), b"gateway".to_vec()).expect("name contract created");
        let id = pallet_smart_contract::ContractID::<Runtime>::get();
        // Blocks full of transactions up to the one where the contract is due (bucket id % 10):
        // the bill is made in `on_initialize`, before them, and its weight is the block's
        // mandatory part, not the transactions'.
        let due = 10 + id as BlockNumber;
        let max_normal = <Runtime as frame_system::Config>::BlockWeights::get()
            .get(DispatchClass::Normal)
            .max_total
            .expect("normal transactions are limited");
        for number in 2..=due {
            let parent = Executive::finalize_block().hash();
            start_block(number, parent);
            System::register_extra_weight_unchecked(max_normal, DispatchClass::Normal);
        }
        let billed: Vec<_> = System::events()
            .into_iter()
            .filter(|record| matches!(&record.event,
                RuntimeEvent::SmartContractModule(pallet_smart_contract::Event::ContractBilled(bill)) if bill.contract_id == id))
            .collect();
        assert_eq!(billed.len(), 1, "billed once, in its due block #{due}");
        assert_eq!(billed[0].phase, frame_system::Phase::Initialization);
        assert_eq!(pallet_smart_contract::ContractLastBilledBlock::<Runtime>::get(id), Some(u64::from(due)));
        let weight = System::block_weight();
        assert!(weight.get(DispatchClass::Mandatory).all_gte(SmartContractModule::bill_weight(0)));
        assert!(weight.total().all_lte(<Runtime as frame_system::Config>::BlockWeights::get().max_block));
    });
}

/// The chain's billing loop with 100 000 live contracts, at billing frequency `frequency`, over
/// `blocks` blocks: per block the share of the block weight billing took (the declared weight of
/// the loop, which charges every bill its benchmarked worst path), and per bill its delay after the
/// contract's due block. Figures in docs/performance.md ("Billing by the chain"); run with
/// `cargo test --release -p tfchain-runtime billing_loop_with_100k_contracts -- --ignored --nocapture`.
fn billing_loop_figures(frequency: u64, blocks: u64) {
    use frame_support::traits::Hooks;
    const CONTRACTS: u64 = 100_000;
    build_preset(DEV_RUNTIME_PRESET).execute_with(|| {
        let alice = Sr25519Keyring::Alice.to_account_id();
        let origin = || RuntimeOrigin::signed(alice.clone());
        System::set_block_number(1);
        pallet_timestamp::Now::<Runtime>::put(6_000);
        pallet_smart_contract::BillingFrequency::<Runtime>::put(frequency);
        TfgridModule::user_accept_tc(origin(), b"https://threefold.io/tc".to_vec().try_into().unwrap(), b"0x12".to_vec().try_into().unwrap())
            .expect("terms accepted");
        TfgridModule::create_twin(origin(), None, None).expect("twin created");
        for k in 0..CONTRACTS {
            SmartContractModule::create_name_contract(origin(), format!("bench{k}").into_bytes())
                .expect("name contract created");
        }
        let max_block = <Runtime as frame_system::Config>::BlockWeights::get().max_block.ref_time();
        let (mut most_share, mut share_sum, mut most_delay, mut bills) = (0f64, 0f64, 0u64, 0u64);
        let mut longest_interval = 0u64;
        let mut last_bill = alloc::collections::BTreeMap::<u64, u64>::new();
        for number in 2..=blocks {
            System::set_block_number(number as BlockNumber);
            System::reset_events();
            // The clock of `on_initialize` is the parent block's.
            pallet_timestamp::Now::<Runtime>::put((number - 1) * 6_000);
            let used = SmartContractModule::on_initialize(number as BlockNumber);
            assert!(used.all_lte(configs::BillingWeightPerBlock::get()), "block #{number} over the billing budget");
            let share = used.ref_time() as f64 / max_block as f64;
            most_share = most_share.max(share);
            share_sum += share;
            for record in System::events() {
                if let RuntimeEvent::SmartContractModule(pallet_smart_contract::Event::ContractBilled(bill)) = record.event {
                    let due = number - (number % frequency + frequency - bill.contract_id % frequency) % frequency;
                    most_delay = most_delay.max(number - due);
                    bills += 1;
                    if let Some(previous) = last_bill.insert(bill.contract_id, number) {
                        longest_interval = longest_interval.max(number - previous);
                    }
                }
            }
        }
        let never = CONTRACTS - last_bill.len() as u64;
        println!(
            "frequency {frequency}, {CONTRACTS} contracts, {} blocks: {bills} bills, {never} contracts never billed; \
             billing share of a block: mean {:.1} %, max {:.1} %; longest delay of a bill after the contract's \
             latest due block: {most_delay} blocks; longest interval between two bills of a contract: {longest_interval} blocks",
            blocks - 1,
            100.0 * share_sum / (blocks - 1) as f64,
            100.0 * most_share,
        );
    });
}

#[test]
#[ignore = "benchmark (minutes): figures for docs/performance.md"]
fn billing_loop_with_100k_contracts_at_mainnet_frequency() {
    billing_loop_figures(600, 1_201);
}

#[test]
#[ignore = "benchmark (minutes): figures for docs/performance.md"]
fn billing_loop_with_100k_contracts_at_dev_frequency() {
    billing_loop_figures(10, 1_201);
}
