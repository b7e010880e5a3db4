//! How a number read from a return is written back in words: in findings'
//! messages, the feedback and the template's guidance, the shortest text that
//! gives the number back (`12`, `2.5`, `0.1`). Figures shown in a report's
//! mode (publish rounding, `k`) are the report's Presenter's, not this.

/// Shortest faithful text for a number: `12`, `2.5`, `0.1`.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn numbers_show_as_typed() {
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(-3.0), "-3");
        assert_eq!(format_number(0.1), "0.1");
        assert_eq!(format_number(1e16), "10000000000000000");
    }
}
