//! Genesis: the default pricing policy, the two default farming policies and the JSON format.

use super::*;
use crate::{
    ConnectionPrice, FarmingPoliciesMap, FarmingPolicyID, GenesisConfig, PricingPolicies,
    PricingPolicyID, PricingPolicyIdByName,
};
use sp_runtime::BuildStorage;
use tfchain_support::types::{FarmCertification, NodeCertification};

#[test]
fn genesis_inserts_pricing_policy_1() {
    run(|| {
        let policy = PricingPolicies::<Test>::get(1).unwrap();
        assert_eq!(policy.version, 1);
        assert_eq!(policy.id, 1);
        assert_eq!(
            policy.name.to_vec(),
            b"threefold_default_pricing_policy".to_vec()
        );
        assert_eq!(
            policy.su,
            Policy {
                value: 50000,
                unit: Unit::Gigabytes
            }
        );
        assert_eq!(
            policy.cu,
            Policy {
                value: 100000,
                unit: Unit::Gigabytes
            }
        );
        assert_eq!(
            policy.nu,
            Policy {
                value: 15000,
                unit: Unit::Gigabytes
            }
        );
        assert_eq!(
            policy.ipu,
            Policy {
                value: 40000,
                unit: Unit::Gigabytes
            }
        );
        assert_eq!(
            policy.unique_name,
            Policy {
                value: 2500,
                unit: Unit::Gigabytes
            }
        );
        assert_eq!(
            policy.domain_name,
            Policy {
                value: 5000,
                unit: Unit::Gigabytes
            }
        );
        assert_eq!(policy.foundation_account, alice());
        assert_eq!(policy.certified_sales_account, bob());
        assert_eq!(policy.discount_for_dedication_nodes, 50);
        assert_eq!(PricingPolicyID::<Test>::get(), 1);
        // Upstream did not index the genesis policy by name (deviation).
        assert_eq!(
            PricingPolicyIdByName::<Test>::get(b(b"threefold_default_pricing_policy")),
            1
        );
    });
}

#[test]
fn genesis_inserts_the_diy_and_certified_default_farming_policies() {
    run(|| {
        let diy = FarmingPoliciesMap::<Test>::get(1);
        assert_eq!(diy.version, 1);
        assert_eq!(diy.id, 1);
        assert_eq!(
            diy.name.to_vec(),
            b"threefold_default_diy_farming_policy".to_vec()
        );
        assert_eq!(
            (diy.cu, diy.su, diy.nu, diy.ipv4, diy.minimal_uptime),
            (2400, 1000, 30, 5, 95)
        );
        assert_eq!((diy.policy_created, diy.policy_end), (0, 0));
        assert!(diy.default && !diy.immutable);
        assert_eq!(
            (diy.node_certification, diy.farm_certification),
            (NodeCertification::Diy, FarmCertification::NotCertified)
        );
        let certified = FarmingPoliciesMap::<Test>::get(2);
        assert_eq!(certified.id, 2);
        assert_eq!(
            certified.name.to_vec(),
            b"threefold_default_certified_farming_policy".to_vec()
        );
        assert_eq!(
            (certified.cu, certified.su, certified.nu, certified.ipv4),
            (3000, 1250, 38, 6)
        );
        assert_eq!(certified.node_certification, NodeCertification::Certified);
        assert_eq!(
            certified.farm_certification,
            FarmCertification::NotCertified
        );
        assert_eq!(FarmingPolicyID::<Test>::get(), 2);
        assert_eq!(ConnectionPrice::<Test>::get(), 80);
    });
}

#[test]
fn genesis_without_both_accounts_has_no_pricing_policy() {
    let config = GenesisConfig::<Test> {
        sales_account: None,
        ..genesis_config()
    };
    let storage = RuntimeGenesisConfig {
        tfgrid_module: config,
        ..Default::default()
    }
    .build_storage()
    .unwrap();
    sp_io::TestExternalities::new(storage).execute_with(|| {
        assert_eq!(PricingPolicies::<Test>::get(1), None);
        assert_eq!(PricingPolicyID::<Test>::get(), 0);
        assert_eq!(FarmingPolicyID::<Test>::get(), 2);
        TfgridModule::do_try_state().unwrap();
    });
}

#[test]
fn genesis_unit_numbers_are_one_based_with_gigabytes_as_fallback() {
    run(|| {
        assert_eq!(Unit::from_u32(1), Unit::Bytes);
        assert_eq!(Unit::from_u32(2), Unit::Kilobytes);
        assert_eq!(Unit::from_u32(3), Unit::Megabytes);
        assert_eq!(Unit::from_u32(4), Unit::Gigabytes);
        assert_eq!(Unit::from_u32(5), Unit::Terrabytes);
        assert_eq!(Unit::from_u32(0), Unit::Gigabytes);
        assert_eq!(Unit::from_u32(6), Unit::Gigabytes);
        let tb = Policy {
            value: 1,
            unit: Unit::Terrabytes,
        };
        assert_eq!(tb.factor_base_1000(), 1_000_000_000_000);
        assert_eq!(tb.factor_base_1024(), 1024u128.pow(4));
        assert_eq!(
            Policy {
                value: 1,
                unit: Unit::Bytes
            }
            .factor_base_1024(),
            1
        );
    });
}

#[test]
fn genesis_config_json_uses_camel_case_field_names() {
    run(|| {
        let json = serde_json::to_value(genesis_config()).unwrap();
        let object = json.as_object().unwrap();
        for field in [
            "suPriceValue",
            "suPriceUnit",
            "nuPriceValue",
            "nuPriceUnit",
            "ipuPriceValue",
            "ipuPriceUnit",
            "cuPriceValue",
            "cuPriceUnit",
            "domainNamePriceValue",
            "uniqueNamePriceValue",
            "foundationAccount",
            "salesAccount",
            "discountForDedicationNodes",
            "farmingPolicyDiyCu",
            "farmingPolicyDiyNu",
            "farmingPolicyDiySu",
            "farmingPolicyDiyIpu",
            "farmingPolicyDiyMinimalUptime",
            "farmingPolicyCertifiedCu",
            "farmingPolicyCertifiedNu",
            "farmingPolicyCertifiedSu",
            "farmingPolicyCertifiedIpu",
            "farmingPolicyCertifiedMinimalUptime",
            "connectionPrice",
        ] {
            assert!(object.contains_key(field), "{field}");
        }
        assert_eq!(object.len(), 24);
        let unknown = serde_json::json!({ "connectionPrice": 1, "somethingElse": 2 });
        assert!(serde_json::from_value::<GenesisConfig<Test>>(unknown).is_err());
    });
}
