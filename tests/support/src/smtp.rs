//! A local SMTP server for tests, scripted message by message: each message's end of
//! data takes the next [`Reply`] of the script (then every message is accepted), so a
//! test can make the server fail for a while, refuse for good, or drop the connection
//! in the middle of a message. Accepted messages (headers and body) arrive on the
//! returned channel.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// What the server does with one message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reply {
    Accept,
    /// `451`: try again later.
    Temporary,
    /// `550`: refused for good.
    Permanent,
    /// The connection is closed after the message's first line of data.
    ResetMidData,
}

/// The replies still to give, in order; a test may add to them at any time (say, once
/// the mail it does not care about has gone).
pub type Script = Arc<Mutex<VecDeque<Reply>>>;

/// Starts the server; returns its port and the accepted messages.
pub async fn smtp_server(
    script: Vec<Reply>,
) -> (u16, tokio::sync::mpsc::UnboundedReceiver<String>) {
    let (port, received, _) = scripted_smtp_server(script).await;
    (port, received)
}

/// As [`smtp_server`], with the script's handle.
pub async fn scripted_smtp_server(
    script: Vec<Reply>,
) -> (u16, tokio::sync::mpsc::UnboundedReceiver<String>, Script) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let script: Script = Arc::new(Mutex::new(VecDeque::from(script)));
    let handle = script.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let (tx, script) = (tx.clone(), script.clone());
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 test ESMTP\r\n").await.ok();
                let mut data: Option<String> = None;
                let mut reply = Reply::Accept;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(body) = data.as_mut() {
                        if reply == Reply::ResetMidData {
                            // Drop the connection while the message is coming in.
                            return;
                        }
                        if line == "." {
                            let message = data.take().unwrap();
                            let answer: &[u8] = match reply {
                                Reply::Temporary => b"451 4.3.0 try again later\r\n",
                                Reply::Permanent => b"550 5.1.1 no such mailbox here\r\n",
                                _ => {
                                    tx.send(message).ok();
                                    b"250 queued\r\n"
                                }
                            };
                            write.write_all(answer).await.ok();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                    let answer: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 test\r\n",
                        "DATA" => {
                            reply = script.lock().unwrap().pop_front().unwrap_or(Reply::Accept);
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.ok();
                            break;
                        }
                        _ => b"250 OK\r\n",
                    };
                    write.write_all(answer).await.ok();
                }
            });
        }
    });
    (port, rx, handle)
}
