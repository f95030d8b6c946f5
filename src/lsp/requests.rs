//! The requests about a document, parsed once on arrival, and their answers
//! from the document's [`Analysis`]. A request whose analysis is not ready
//! waits as a [`Pending`] (cancellable, with a deadline) instead of holding
//! up the message loop.

use super::analysis::Analysis;
use super::features;
use super::message::code;
use lsp_types as lt;
use serde_json::Value;
use std::time::Instant;

/// A request about one document.
pub enum Query {
    CodeAction(lt::CodeActionParams),
    Hover(lt::HoverParams),
    Symbols(lt::DocumentSymbolParams),
}

/// A request waiting for its document's analysis.
pub struct Pending {
    pub id: Value,
    pub uri: String,
    pub query: Query,
    /// When it is answered with an error if the analysis is still running.
    pub deadline: Instant,
}

/// An error to answer with: its code and message.
pub type Failure = (i64, String);

impl Query {
    /// The query of a method, `Ok(None)` when the method is not one.
    pub fn parse(method: &str, params: Value) -> Result<Option<Query>, Failure> {
        fn params_of<T: serde::de::DeserializeOwned>(params: Value) -> Result<T, Failure> {
            serde_json::from_value(params).map_err(|e| (code::INVALID_PARAMS, e.to_string()))
        }
        Ok(Some(match method {
            "textDocument/codeAction" => Query::CodeAction(params_of(params)?),
            "textDocument/hover" => Query::Hover(params_of(params)?),
            "textDocument/documentSymbol" => Query::Symbols(params_of(params)?),
            _ => return Ok(None),
        }))
    }

    pub fn uri(&self) -> &str {
        match self {
            Query::CodeAction(p) => p.text_document.uri.as_str(),
            Query::Hover(p) => p.text_document_position_params.text_document.uri.as_str(),
            Query::Symbols(p) => p.text_document.uri.as_str(),
        }
    }

    /// The answer from an analysis (`None`: the document is not open). A
    /// panic in a feature is an internal error, not the end of the server.
    pub fn answer(&self, a: Option<&Analysis>) -> Result<Value, Failure> {
        let run = || match self {
            Query::CodeAction(p) => {
                let actions =
                    a.map(|a| features::code_actions(a, &p.text_document.uri, p.range, &p.context));
                serde_json::to_value(actions.unwrap_or_default())
            }
            Query::Hover(p) => {
                let pos = p.text_document_position_params.position;
                serde_json::to_value(a.and_then(|a| features::hover(a, pos)))
            }
            Query::Symbols(_) => serde_json::to_value(a.map(features::symbols).unwrap_or_default()),
        };
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => Err((code::INTERNAL_ERROR, e.to_string())),
            Err(_) => Err((code::INTERNAL_ERROR, "internal error".into())),
        }
    }
}
