//! Whether an LA's `Email` can go in a To header as it is.

/// The most bytes an address may take (RFC 5321's path limit less its brackets).
const MAX_LEN: usize = 254;

/// Characters a dot-atom may hold besides letters and digits (RFC 5322 `atext`).
const ATEXT: &str = "!#$%&'*+-/=?^_`{|}~";

/// True for a plain `local@domain` address: a dot-atom local part and a domain
/// of at least two labels of letters, digits and inner hyphens. Quoted local
/// parts, comments, display names and IP literals are refused: an LA's return
/// has none, and a value holding them is more likely a slip than a mailbox.
pub fn is_plain_address(text: &str) -> bool {
    if text.len() > MAX_LEN || !text.is_ascii() {
        return false;
    }
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    is_dot_atom(local) && is_domain(domain)
}

fn is_dot_atom(local: &str) -> bool {
    local.len() <= 64
        && local.split('.').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || ATEXT.contains(c))
        })
}

fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::is_plain_address;

    #[test]
    fn plain_addresses_pass() {
        for ok in [
            "a.officer@kent.gov.uk",
            "sam.okafor@brightonandhove.example",
            "kinship+returns@x-y.org",
        ] {
            assert!(is_plain_address(ok), "{ok}");
        }
    }

    #[test]
    fn slips_and_header_tricks_fail() {
        for bad in [
            "",
            "a.officer",
            "a.officer at kent.gov.uk",
            "a.officer@kent",
            "a..officer@kent.gov.uk",
            ".a@kent.gov.uk",
            "a@kent..gov.uk",
            "a@-kent.gov.uk",
            "A Officer <a@kent.gov.uk>",
            "a@kent.gov.uk, b@kent.gov.uk",
            "a@kent.gov.uk\r\nBcc: x@evil.example",
            "a@kent.gov.uk\n",
            "\"a b\"@kent.gov.uk",
            "a@b@kent.gov.uk",
            "é@kent.gov.uk",
        ] {
            assert!(!is_plain_address(bad), "{bad:?}");
        }
        assert!(!is_plain_address(&format!(
            "{}@kent.gov.uk",
            "a".repeat(65)
        )));
    }
}
