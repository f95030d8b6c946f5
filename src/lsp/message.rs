//! JSON-RPC 2.0 messages as the server sees them: a frame's body classified
//! into a request, a notification, a response, or something to answer with
//! an error at once; and the answers the server writes.
//!
//! Ids are kept as the JSON the client sent (any number or string), so an
//! id no integer type holds is still answered with itself.

use serde_json::{json, Value};

/// JSON-RPC and LSP error codes the server answers with.
pub mod code {
    pub const PARSE_ERROR: i64 = -32700;
    pub const INVALID_REQUEST: i64 = -32600;
    pub const METHOD_NOT_FOUND: i64 = -32601;
    pub const INVALID_PARAMS: i64 = -32602;
    pub const INTERNAL_ERROR: i64 = -32603;
    pub const SERVER_NOT_INITIALIZED: i64 = -32002;
    pub const REQUEST_FAILED: i64 = -32803;
    pub const CONTENT_MODIFIED: i64 = -32801;
    pub const REQUEST_CANCELLED: i64 = -32800;
}

/// One message from the client.
#[derive(Debug)]
pub enum Incoming {
    Request {
        id: Value,
        method: String,
        params: Value,
    },
    Notification {
        method: String,
        params: Value,
    },
    /// A response to something the server sent (it sends no requests).
    Response,
    /// Not a message: answer with this error (id `null` when unknown).
    Invalid {
        id: Value,
        code: i64,
        message: String,
    },
}

/// Classifies a frame's body. Invalid UTF-8, invalid JSON and a string with
/// a lone surrogate (`"\ud800"`, which serde_json refuses) are parse errors.
pub fn classify(body: &[u8]) -> Incoming {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Incoming::Invalid {
                id: Value::Null,
                code: code::PARSE_ERROR,
                message: format!("not JSON: {e}"),
            }
        }
    };
    let invalid = |id: Value, why: &str| Incoming::Invalid {
        id,
        code: code::INVALID_REQUEST,
        message: why.to_string(),
    };
    let Value::Object(mut obj) = value else {
        return invalid(Value::Null, "a message must be a JSON object");
    };
    let id = match obj.remove("id") {
        None => None,
        Some(id @ (Value::Number(_) | Value::String(_))) => Some(id),
        Some(_) => return invalid(Value::Null, "an id must be a number or a string"),
    };
    if obj.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return invalid(id.unwrap_or_default(), "\"jsonrpc\" must be \"2.0\"");
    }
    let params = obj.remove("params").unwrap_or(Value::Null);
    match (obj.remove("method"), id) {
        (Some(Value::String(method)), Some(id)) => Incoming::Request { id, method, params },
        (Some(Value::String(method)), None) => Incoming::Notification { method, params },
        (Some(_), id) => invalid(id.unwrap_or_default(), "a method must be a string"),
        (None, Some(_)) if obj.contains_key("result") || obj.contains_key("error") => {
            Incoming::Response
        }
        (None, id) => invalid(id.unwrap_or_default(), "a message without a method"),
    }
}

/// A successful response.
pub fn ok(id: Value, result: Value) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "result": result })
}

/// An error response.
pub fn error(id: Value, code: i64, message: impl Into<String>) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message.into() } })
}

/// A notification from the server.
pub fn notification(method: &str, params: Value) -> Value {
    json!({ "jsonrpc": "2.0", "method": method, "params": params })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(body: &str) -> Option<i64> {
        match classify(body.as_bytes()) {
            Incoming::Invalid { code, .. } => Some(code),
            _ => None,
        }
    }

    #[test]
    fn each_kind_of_bad_body() {
        assert_eq!(code_of("{"), Some(code::PARSE_ERROR));
        assert_eq!(code_of("\u{0}"), Some(code::PARSE_ERROR));
        let lone = r#"{"jsonrpc":"2.0","id":1,"method":"x","params":"\ud800"}"#;
        assert_eq!(code_of(lone), Some(code::PARSE_ERROR));
        assert_eq!(code_of("[]"), Some(code::INVALID_REQUEST));
        assert_eq!(
            code_of(r#"{"id":1,"method":"x"}"#),
            Some(code::INVALID_REQUEST)
        );
        assert_eq!(
            code_of(r#"{"jsonrpc":"2.0","id":[1],"method":"x"}"#),
            Some(code::INVALID_REQUEST)
        );
        assert_eq!(
            code_of(r#"{"jsonrpc":"2.0","id":1,"method":7}"#),
            Some(code::INVALID_REQUEST)
        );
    }

    #[test]
    fn any_number_is_an_id() {
        let big = r#"{"jsonrpc":"2.0","id":18446744073709551615,"method":"x"}"#;
        let Incoming::Request { id, .. } = classify(big.as_bytes()) else {
            panic!("a request")
        };
        assert_eq!(id.to_string(), "18446744073709551615");
    }
}
