//! Farms: creation, renaming, payout address, certification, dedication and public IPs.

use super::*;
use crate::{Error, FarmIdByName, FarmPayoutV2AddressByFarmID, Farms};
use frame_support::assert_noop;
use sp_runtime::DispatchError;
use tfchain_support::types::{FarmCertification, PublicIP};

fn ips(list: Vec<IP4>) -> PublicIpListInput<Test> {
    BoundedVec::try_from(list).unwrap()
}

fn create(who: &AccountId32, name: &[u8], list: Vec<IP4>) -> sp_runtime::DispatchResult {
    TfgridModule::create_farm(RuntimeOrigin::signed(who.clone()), b(name), ips(list))
}

#[test]
fn create_farm_stores_the_farm_with_free_public_ips() {
    run(|| {
        let twin_id = create_twin(&alice());
        assert_ok!(create(
            &alice(),
            b"alice_farm",
            vec![public_ip(2), public_ip(3)]
        ));
        let farm = Farms::<Test>::get(1).unwrap();
        assert_eq!(farm.version, TFGRID_FARM_VERSION);
        assert_eq!(farm.id, 1);
        assert_eq!(farm.name.as_input().to_vec(), b"alice_farm".to_vec());
        assert_eq!(farm.twin_id, twin_id);
        assert_eq!(farm.pricing_policy_id, 1);
        assert_eq!(farm.certification, FarmCertification::NotCertified);
        assert_eq!(
            farm.public_ips.to_vec(),
            vec![
                PublicIP {
                    ip: public_ip(2).ip,
                    gateway: public_ip(2).gw,
                    contract_id: 0
                },
                PublicIP {
                    ip: public_ip(3).ip,
                    gateway: public_ip(3).gw,
                    contract_id: 0
                },
            ]
        );
        assert!(!farm.dedicated_farm);
        assert_eq!(farm.farming_policy_limits, None);
        assert_eq!(FarmID::<Test>::get(), 1);
        assert_eq!(FarmIdByName::<Test>::get(b(b"alice_farm")), 1);
        assert_eq!(last_event(), TfgridEvent::FarmStored(farm));
    });
}

#[test]
fn a_twin_may_own_several_farms() {
    run(|| {
        create_twin(&alice());
        create_farm(&alice(), b"farm_one");
        assert_ok!(create(&alice(), b"farm_two", vec![]));
        assert_eq!(FarmID::<Test>::get(), 2);
    });
}

#[test]
fn create_farm_without_a_twin_fails() {
    run(|| {
        assert_noop!(
            create(&alice(), b"alice_farm", vec![]),
            Error::<Test>::TwinNotExists
        );
    });
}

#[test]
fn create_farm_with_a_taken_name_fails() {
    run(|| {
        create_twin(&alice());
        create_twin(&bob());
        create_farm(&alice(), b"alice_farm");
        assert_noop!(
            create(&bob(), b"alice_farm", vec![]),
            Error::<Test>::FarmExists
        );
    });
}

#[test]
fn create_farm_validates_the_name() {
    run(|| {
        create_twin(&alice());
        assert_noop!(
            create(&alice(), b"ab", vec![]),
            Error::<Test>::FarmNameTooShort
        );
        assert_noop!(
            create(&alice(), b"alice farm", vec![]),
            Error::<Test>::InvalidFarmName
        );
        assert_noop!(
            create(&alice(), b"alice.farm", vec![]),
            Error::<Test>::InvalidFarmName
        );
        assert_ok!(create(&alice(), b"Alice-Farm_01", vec![]));
    });
}

#[test]
fn create_farm_rejects_invalid_public_ips() {
    run(|| {
        create_twin(&alice());
        let private = IP4 {
            ip: b(b"10.0.0.2/24"),
            gw: b(b"10.0.0.1"),
        };
        assert_noop!(
            create(&alice(), b"alice_farm", vec![private]),
            Error::<Test>::InvalidPublicIP
        );
        let gateway_is_ip = IP4 {
            ip: b(b"185.206.122.1/24"),
            gw: b(b"185.206.122.1"),
        };
        assert_noop!(
            create(&alice(), b"alice_farm", vec![gateway_is_ip]),
            Error::<Test>::InvalidPublicIP
        );
    });
}

#[test]
fn create_farm_rejects_the_same_ip_twice_whatever_the_gateway() {
    // Upstream only rejected identical (ip, gateway) pairs here (deviation).
    run(|| {
        create_twin(&alice());
        let other_gateway = IP4 {
            ip: public_ip(3).ip,
            gw: b(b"185.206.122.4"),
        };
        assert_noop!(
            create(&alice(), b"alice_farm", vec![public_ip(3), other_gateway]),
            Error::<Test>::IpExists
        );
    });
}

#[test]
fn update_farm_renames_the_farm() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        assert_ok!(TfgridModule::update_farm(
            RuntimeOrigin::signed(alice()),
            farm_id,
            b(b"new_name")
        ));
        let farm = Farms::<Test>::get(farm_id).unwrap();
        assert_eq!(farm.name.as_input().to_vec(), b"new_name".to_vec());
        assert!(!FarmIdByName::<Test>::contains_key(b(b"alice_farm")));
        assert_eq!(FarmIdByName::<Test>::get(b(b"new_name")), farm_id);
        assert_eq!(last_event(), TfgridEvent::FarmUpdated(farm));
    });
}

#[test]
fn update_farm_to_its_current_name_is_a_no_op() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        let events = tfgrid_events().len();
        assert_ok!(TfgridModule::update_farm(
            RuntimeOrigin::signed(alice()),
            farm_id,
            b(b"alice_farm")
        ));
        assert_eq!(tfgrid_events().len(), events);
    });
}

#[test]
fn update_farm_to_another_farms_name_fails() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        create_farm(&alice(), b"other_farm");
        assert_noop!(
            TfgridModule::update_farm(RuntimeOrigin::signed(alice()), farm_id, b(b"other_farm")),
            Error::<Test>::InvalidFarmName
        );
    });
}

#[test]
fn update_farm_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::update_farm(RuntimeOrigin::signed(alice()), 1, b(b"new_name")),
            Error::<Test>::TwinNotExists
        );
        create_twin(&alice());
        assert_noop!(
            TfgridModule::update_farm(RuntimeOrigin::signed(alice()), 1, b(b"new_name")),
            Error::<Test>::FarmNotExists
        );
        let farm_id = create_farm(&alice(), b"alice_farm");
        create_twin(&bob());
        assert_noop!(
            TfgridModule::update_farm(RuntimeOrigin::signed(bob()), farm_id, b(b"new_name")),
            Error::<Test>::CannotUpdateFarmWrongTwin
        );
        assert_noop!(
            TfgridModule::update_farm(RuntimeOrigin::signed(alice()), farm_id, b(b"no")),
            Error::<Test>::FarmNameTooShort
        );
    });
}

#[test]
fn add_stellar_payout_v2address_stores_the_address() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        let address = b"GDHJP6TF3UXYXTNEZ2P36J5FH7W4BJJQ4AYYAXC66I2Q2AH5B6O6BCFG";
        assert_ok!(TfgridModule::add_stellar_payout_v2address(
            RuntimeOrigin::signed(alice()),
            farm_id,
            address.to_vec()
        ));
        assert_eq!(
            FarmPayoutV2AddressByFarmID::<Test>::get(farm_id).to_vec(),
            address.to_vec()
        );
        assert_eq!(
            last_event(),
            TfgridEvent::FarmPayoutV2AddressRegistered(farm_id, address.to_vec())
        );
    });
}

#[test]
fn add_stellar_payout_v2address_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::add_stellar_payout_v2address(
                RuntimeOrigin::signed(alice()),
                1,
                b"G".to_vec()
            ),
            Error::<Test>::TwinNotExists
        );
        create_twin(&alice());
        assert_noop!(
            TfgridModule::add_stellar_payout_v2address(
                RuntimeOrigin::signed(alice()),
                1,
                b"G".to_vec()
            ),
            Error::<Test>::FarmNotExists
        );
        let farm_id = create_farm(&alice(), b"alice_farm");
        create_twin(&bob());
        assert_noop!(
            TfgridModule::add_stellar_payout_v2address(
                RuntimeOrigin::signed(bob()),
                farm_id,
                b"G".to_vec()
            ),
            Error::<Test>::CannotUpdateFarmWrongTwin
        );
    });
}

#[test]
fn add_stellar_payout_v2address_takes_at_most_the_bounded_length() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        let address = |len: u32| vec![b'G'; len as usize];
        assert_ok!(TfgridModule::add_stellar_payout_v2address(
            RuntimeOrigin::signed(alice()),
            farm_id,
            address(MAX_STELLAR_ADDRESS_LENGTH)
        ));
        assert_noop!(
            TfgridModule::add_stellar_payout_v2address(
                RuntimeOrigin::signed(alice()),
                farm_id,
                address(MAX_STELLAR_ADDRESS_LENGTH + 1)
            ),
            Error::<Test>::StellarAddressTooLong
        );
    });
}

#[test]
fn set_farm_certification_sets_it() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        assert_ok!(TfgridModule::set_farm_certification(
            RuntimeOrigin::root(),
            farm_id,
            FarmCertification::Gold
        ));
        assert_eq!(
            Farms::<Test>::get(farm_id).unwrap().certification,
            FarmCertification::Gold
        );
        assert_eq!(
            last_event(),
            TfgridEvent::FarmCertificationSet(farm_id, FarmCertification::Gold)
        );
    });
}

#[test]
fn set_farm_certification_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::set_farm_certification(
                RuntimeOrigin::signed(alice()),
                1,
                FarmCertification::Gold
            ),
            DispatchError::BadOrigin
        );
        assert_noop!(
            TfgridModule::set_farm_certification(RuntimeOrigin::root(), 1, FarmCertification::Gold),
            Error::<Test>::FarmNotExists
        );
    });
}

#[test]
fn add_farm_ip_appends_a_free_ip() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        let ip = public_ip(3);
        assert_ok!(TfgridModule::add_farm_ip(
            RuntimeOrigin::signed(alice()),
            farm_id,
            ip.ip.clone(),
            ip.gw.clone()
        ));
        let farm = Farms::<Test>::get(farm_id).unwrap();
        assert_eq!(
            farm.public_ips[1],
            PublicIP {
                ip: ip.ip,
                gateway: ip.gw,
                contract_id: 0
            }
        );
        assert_eq!(last_event(), TfgridEvent::FarmUpdated(farm));
    });
}

#[test]
fn add_farm_ip_errors() {
    run(|| {
        let ip = public_ip(3);
        let add = |who: AccountId32, farm_id: u32, ip: &IP4| {
            TfgridModule::add_farm_ip(
                RuntimeOrigin::signed(who),
                farm_id,
                ip.ip.clone(),
                ip.gw.clone(),
            )
        };
        assert_noop!(add(alice(), 1, &ip), Error::<Test>::FarmNotExists);
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        assert_noop!(
            add(bob(), farm_id, &ip),
            Error::<Test>::CannotUpdateFarmWrongTwin
        );
        let invalid = IP4 {
            ip: b(b"185.206.122.3/24"),
            gw: b(b"185.206.123.1"),
        };
        assert_noop!(
            add(alice(), farm_id, &invalid),
            Error::<Test>::InvalidPublicIP
        );
        let same_ip = IP4 {
            ip: public_ip(2).ip,
            gw: b(b"185.206.122.4"),
        };
        assert_noop!(add(alice(), farm_id, &same_ip), Error::<Test>::IpExists);
    });
}

#[test]
fn add_farm_ip_beyond_the_farm_limit_fails() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        for last in 3..(2 + MAX_FARM_PUBLIC_IPS as u8) {
            let ip = public_ip(last);
            assert_ok!(TfgridModule::add_farm_ip(
                RuntimeOrigin::signed(alice()),
                farm_id,
                ip.ip,
                ip.gw
            ));
        }
        let ip = public_ip(100);
        assert_noop!(
            TfgridModule::add_farm_ip(RuntimeOrigin::signed(alice()), farm_id, ip.ip, ip.gw),
            Error::<Test>::InvalidPublicIP
        );
    });
}

#[test]
fn remove_farm_ip_removes_a_free_ip() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        assert_ok!(TfgridModule::remove_farm_ip(
            RuntimeOrigin::signed(alice()),
            farm_id,
            public_ip(2).ip
        ));
        let farm = Farms::<Test>::get(farm_id).unwrap();
        assert!(farm.public_ips.is_empty());
        assert_eq!(last_event(), TfgridEvent::FarmUpdated(farm));
    });
}

#[test]
fn remove_farm_ip_keeps_an_ip_held_by_a_contract() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        Farms::<Test>::mutate(farm_id, |farm| {
            farm.as_mut().unwrap().public_ips[0].contract_id = 7
        });
        assert_noop!(
            TfgridModule::remove_farm_ip(RuntimeOrigin::signed(alice()), farm_id, public_ip(2).ip),
            Error::<Test>::IpNotExists
        );
    });
}

#[test]
fn remove_farm_ip_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::remove_farm_ip(RuntimeOrigin::signed(alice()), 1, public_ip(2).ip),
            Error::<Test>::FarmNotExists
        );
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        assert_noop!(
            TfgridModule::remove_farm_ip(RuntimeOrigin::signed(bob()), farm_id, public_ip(2).ip),
            Error::<Test>::CannotUpdateFarmWrongTwin
        );
        assert_noop!(
            TfgridModule::remove_farm_ip(RuntimeOrigin::signed(alice()), farm_id, public_ip(9).ip),
            Error::<Test>::IpNotExists
        );
    });
}

#[test]
fn set_farm_dedicated_sets_the_flag_and_emits_farm_updated() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        assert_ok!(TfgridModule::set_farm_dedicated(
            RuntimeOrigin::root(),
            farm_id,
            true
        ));
        let farm = Farms::<Test>::get(farm_id).unwrap();
        assert!(farm.dedicated_farm);
        assert_eq!(last_event(), TfgridEvent::FarmUpdated(farm));
    });
}

#[test]
fn set_farm_dedicated_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::set_farm_dedicated(RuntimeOrigin::signed(alice()), 1, true),
            DispatchError::BadOrigin
        );
        assert_noop!(
            TfgridModule::set_farm_dedicated(RuntimeOrigin::root(), 1, true),
            Error::<Test>::FarmNotExists
        );
    });
}

#[test]
fn force_reset_farm_ip_frees_an_ip_held_by_a_contract() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        Farms::<Test>::mutate(farm_id, |farm| {
            farm.as_mut().unwrap().public_ips[0].contract_id = 7
        });
        assert_ok!(TfgridModule::force_reset_farm_ip(
            RuntimeOrigin::root(),
            farm_id,
            public_ip(2).ip
        ));
        let farm = Farms::<Test>::get(farm_id).unwrap();
        assert_eq!(farm.public_ips[0].contract_id, 0);
        assert_eq!(last_event(), TfgridEvent::FarmUpdated(farm));
    });
}

#[test]
fn attack_force_reset_farm_ip_leaves_the_contract_holding_the_ip() {
    // Upstream only freed the farm side: the contract kept the IP in its list and kept paying for
    // it while the farm handed it to the next contract.
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        Farms::<Test>::mutate(farm_id, |farm| {
            farm.as_mut().unwrap().public_ips[0].contract_id = 7
        });
        let held = Farms::<Test>::get(farm_id).unwrap().public_ips[0].clone();
        assert_ok!(TfgridModule::force_reset_farm_ip(
            RuntimeOrigin::root(),
            farm_id,
            public_ip(2).ip
        ));
        assert_eq!(removed_ips(), vec![held]);
    });
}

#[test]
fn force_reset_farm_ip_of_a_free_ip_tells_no_contract() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        assert_ok!(TfgridModule::force_reset_farm_ip(
            RuntimeOrigin::root(),
            farm_id,
            public_ip(2).ip
        ));
        assert!(removed_ips().is_empty());
    });
}

#[test]
fn force_reset_farm_ip_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::force_reset_farm_ip(RuntimeOrigin::signed(alice()), 1, public_ip(2).ip),
            DispatchError::BadOrigin
        );
        assert_noop!(
            TfgridModule::force_reset_farm_ip(RuntimeOrigin::root(), 1, public_ip(2).ip),
            Error::<Test>::FarmNotExists
        );
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        assert_noop!(
            TfgridModule::force_reset_farm_ip(RuntimeOrigin::root(), farm_id, public_ip(9).ip),
            Error::<Test>::IpNotExists
        );
    });
}

#[test]
fn is_farm_owner_is_true_only_for_the_account_of_the_owning_twin() {
    use tfchain_support::traits::Tfgrid;
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        assert!(TfgridModule::is_farm_owner(farm_id, alice()));
        assert!(!TfgridModule::is_farm_owner(farm_id, bob()));
        assert!(!TfgridModule::is_farm_owner(farm_id + 1, alice()));
    });
}
