//! The genesis config: price bounds and the initial price.

use super::*;
use crate::{
    AverageTftPrice, BufferRange, GenesisConfig, MaxTftPrice, MinTftPrice, TftPrice,
    TftPriceHistory,
};

#[test]
fn genesis_sets_the_bounds() {
    run(|| {
        assert_eq!(MinTftPrice::<Test>::get(), GENESIS_MIN_PRICE);
        assert_eq!(MaxTftPrice::<Test>::get(), GENESIS_MAX_PRICE);
        assert_eq!(TftPrice::<Test>::get(), 0);
        assert_eq!(AverageTftPrice::<Test>::get(), 0);
    });
}

#[test]
fn a_genesis_price_is_the_price_and_average_until_the_first_report() {
    let genesis = GenesisConfig::<Test> {
        tft_price: 50,
        ..genesis_config()
    };
    test_ext_with(genesis).execute_with(|| {
        assert_eq!(TftPrice::<Test>::get(), 50);
        assert_eq!(AverageTftPrice::<Test>::get(), 50);
        assert_eq!(TftPriceHistory::<Test>::iter().count(), 0);
        assert_eq!(BufferRange::<Test>::get(), (0, 0));

        report(40, 10);
        assert_eq!(TftPrice::<Test>::get(), 40);
        assert_eq!(AverageTftPrice::<Test>::get(), 40);
        TftPriceModule::do_try_state().expect("price invariants hold");
    });
}

#[test]
#[should_panic(expected = "minimum TFT price must be below the maximum")]
fn genesis_rejects_a_minimum_not_below_the_maximum() {
    let genesis = GenesisConfig::<Test> {
        min_tft_price: 1_000,
        max_tft_price: 1_000,
        ..Default::default()
    };
    test_ext_with(genesis);
}

#[test]
fn the_genesis_json_names_are_camel_case() {
    run(|| {
        let json = r#"{"minTftPrice": 10, "maxTftPrice": 1000, "tftPrice": 50}"#;
        let genesis: GenesisConfig<Test> = serde_json::from_str(json).expect("valid genesis");
        assert_eq!(
            (
                genesis.min_tft_price,
                genesis.max_tft_price,
                genesis.tft_price
            ),
            (10, 1_000, 50)
        );
        let unknown = r#"{"minTftPrice": 10, "maxTftPrice": 1000, "allowedOrigin": null}"#;
        assert!(serde_json::from_str::<GenesisConfig<Test>>(unknown).is_err());
    });
}
