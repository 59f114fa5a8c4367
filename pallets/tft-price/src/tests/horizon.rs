//! Parsing the price source's answers.

use super::{run, SAMPLE_RESPONSE};
use crate::horizon::{milli_units, parse_lowest_price_from_request, tft_price_from_response};

#[test]
fn the_sample_response_gives_33_musd() {
    run(|| {
        assert_eq!(
            parse_lowest_price_from_request(SAMPLE_RESPONSE.as_bytes()),
            Some(3_299)
        );
        assert_eq!(
            tft_price_from_response(200, SAMPLE_RESPONSE.as_bytes()),
            Some(33)
        );
    });
}

#[test]
fn the_cheapest_quote_sets_the_price() {
    run(|| {
        let body = br#"{"_embedded": {"records": [
            {"source_amount": "5.0000000"}, {"source_amount": "4.9400000"}, {"source_amount": "6.1"}
        ]}}"#;
        assert_eq!(parse_lowest_price_from_request(body), Some(4_940));
        // 4940 / 100 = 49.4, rounded to 49.
        assert_eq!(tft_price_from_response(200, body), Some(49));
        let body = br#"{"_embedded": {"records": [{"source_amount": "4.9500000"}]}}"#;
        // 49.5 rounds up.
        assert_eq!(tft_price_from_response(200, body), Some(50));
    });
}

#[test]
fn a_response_without_quotes_gives_no_price() {
    run(|| {
        let body = br#"{"_embedded": {"records": []}}"#;
        assert_eq!(parse_lowest_price_from_request(body), None);
        assert_eq!(parse_lowest_price_from_request(br#"{"_links": {}}"#), None);
        assert_eq!(
            parse_lowest_price_from_request(br#"{"_embedded": {}}"#),
            None
        );
    });
}

#[test]
fn an_incomplete_response_gives_no_price() {
    run(|| {
        let truncated = &SAMPLE_RESPONSE.as_bytes()[..SAMPLE_RESPONSE.len() / 2];
        assert_eq!(parse_lowest_price_from_request(truncated), None);
        assert_eq!(parse_lowest_price_from_request(b""), None);
        assert_eq!(
            parse_lowest_price_from_request(b"<html>rate limited</html>"),
            None
        );
    });
}

#[test]
fn a_quote_without_a_valid_amount_spoils_the_response() {
    run(|| {
        for body in [
            &br#"{"_embedded": {"records": [{"source_amount": "3.3"}, {"destination_amount": "100"}]}}"#[..],
            br#"{"_embedded": {"records": [{"source_amount": "3.3"}, {"source_amount": 3.2}]}}"#,
            br#"{"_embedded": {"records": [{"source_amount": "3.3"}, {"source_amount": "abc"}]}}"#,
        ] {
            assert_eq!(parse_lowest_price_from_request(body), None);
        }
    });
}

#[test]
fn only_a_200_response_gives_a_price() {
    run(|| {
        for status in [201, 404, 429, 500, 503] {
            assert_eq!(
                tft_price_from_response(status, SAMPLE_RESPONSE.as_bytes()),
                None
            );
        }
    });
}

#[test]
fn amounts_are_read_in_thousandths_rounded_half_up() {
    run(|| {
        assert_eq!(milli_units("3.2987654"), Some(3_299));
        assert_eq!(milli_units("3.2985"), Some(3_299));
        assert_eq!(milli_units("3.2984999"), Some(3_298));
        assert_eq!(milli_units("0.0005"), Some(1));
        assert_eq!(milli_units("0.0004999"), Some(0));
        assert_eq!(milli_units("1"), Some(1_000));
        assert_eq!(milli_units("12.3"), Some(12_300));
        assert_eq!(milli_units("4294967.295"), Some(u32::MAX));
    });
}

#[test]
fn malformed_or_oversized_amounts_are_rejected() {
    run(|| {
        for amount in [
            "",
            ".",
            "1.",
            ".5",
            "-1",
            "+1",
            "1e3",
            "1,5",
            " 1",
            "1.2.3",
            "0x10",
            "4294967.2955",
            "4294967296",
            "99999999999999999999999",
        ] {
            assert_eq!(milli_units(amount), None, "{amount:?}");
        }
    });
}
