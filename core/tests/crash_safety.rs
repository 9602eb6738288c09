//! Proof, with real processes, that a therapist's file survives crashes:
//!
//! - a process saving a program is killed at random moments 200 times, and
//!   the file on disk is always the complete old or the complete new version;
//! - two processes cannot both hold the edit lock on one program, and a lock
//!   left by a killed process is recognised as stale and can be taken over.
//!
//! This test has its own `main` (harness = false) because it starts copies
//! of itself as the saving and locking processes.

use chrono::NaiveDate;
use ptbuilder_core::library::{ExerciseId, Library};
use ptbuilder_core::program::{Item, Program};
use ptbuilder_core::store::lock::{EditLock, LockError};
use ptbuilder_core::store::{Store, to_ron};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ROLE: &str = "PTBUILDER_TEST_ROLE";
const TARGET: &str = "PTBUILDER_TEST_FILE";
const KILLS: usize = 200;

/// A big program, so each save takes long enough to be interrupted.
fn program(version: &str) -> Program {
    let library = Library::builtin();
    let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
    program.title = format!("Version {version}");
    let bridge = library.get(&ExerciseId::new("bridge")).unwrap();
    for n in 0..300 {
        let mut item = Item::new(bridge);
        item.note = format!("{version} note {n}: ").repeat(20);
        program.phases[0].items.push(item);
    }
    program
}

fn main() {
    match std::env::var(ROLE).as_deref() {
        Ok("saver") => saver(),
        Ok("holder") => holder(),
        Ok("taker") => taker(),
        _ => {
            kill_while_saving();
            two_processes_cannot_share_a_lock();
            println!("crash_safety: all checks passed");
        }
    }
}

/// Child: saves versions A and B in turn, forever, until killed.
fn saver() {
    let path = PathBuf::from(std::env::var(TARGET).unwrap());
    let store = Store::at(path.parent().unwrap());
    let versions = [program("A"), program("B")];
    // Ready to save: the parent times its kill from here, so a slow start
    // (a busy machine, a bigger library) never uses up the whole wait.
    println!("saving");
    loop {
        for version in &versions {
            store.save_program_safely(&path, version, None).unwrap();
        }
    }
}

/// Child: takes the lock, says so, and holds it until killed.
fn holder() {
    let path = PathBuf::from(std::env::var(TARGET).unwrap());
    let _lock = EditLock::acquire(&path).unwrap();
    println!("locked");
    loop {
        std::thread::sleep(Duration::from_secs(1));
    }
}

/// Child: tries to take the lock and reports what happened.
fn taker() {
    let path = PathBuf::from(std::env::var(TARGET).unwrap());
    match EditLock::acquire(&path) {
        Ok(_) => println!("taken"),
        Err(LockError::Held { .. }) => println!("held"),
        Err(other) => println!("other: {other}"),
    }
}

fn spawn(role: &str, path: &Path) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .env(ROLE, role)
        .env(TARGET, path)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap()
}

/// A fixed pseudo-random sequence, so a failure can be replayed.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

fn kill_while_saving() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("program.ron");
    let texts = [to_ron(&program("A")), to_ron(&program("B"))];
    // `save_program_safely` writes the program as given, so the bytes on
    // disk must equal one of these exactly.
    std::fs::write(&path, &texts[0]).unwrap();
    let mut seen = [0usize; 2];
    let mut state = 0x9e37_79b9_7f4a_7c15;
    let started = Instant::now();
    for kill in 0..KILLS {
        let mut child = spawn("saver", &path);
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "saving");
        let wait = 5 + xorshift(&mut state) % 60;
        std::thread::sleep(Duration::from_millis(wait));
        child.kill().unwrap();
        child.wait().unwrap();
        for file in [path.clone(), ptbuilder_core::store::backup_path(&path)] {
            let Ok(bytes) = std::fs::read(&file) else {
                continue;
            };
            let found = texts.iter().position(|t| t.as_bytes() == bytes);
            assert!(
                found.is_some(),
                "kill {kill} after {wait} ms left {} neither version A nor B ({} bytes)",
                file.display(),
                bytes.len()
            );
            if file == path {
                seen[found.unwrap()] += 1;
            }
        }
    }
    // Both versions must have been seen, or the saver never got to save and
    // the test proved nothing.
    assert!(seen[0] > 0 && seen[1] > 0, "versions seen: {seen:?}");
    println!(
        "crash_safety: {KILLS} kills in {:.1} s; file was version A {} times, B {} times, never torn",
        started.elapsed().as_secs_f64(),
        seen[0],
        seen[1]
    );
}

fn two_processes_cannot_share_a_lock() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    let mut holder = spawn("holder", &path);
    let mut line = String::new();
    BufReader::new(holder.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "locked");

    let taker = spawn("taker", &path).wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&taker.stdout).trim(), "held");
    match EditLock::acquire(&path) {
        Err(LockError::Held {
            owner: Some(owner), ..
        }) => assert_eq!(owner.pid, holder.id()),
        other => panic!("this process got {other:?} while another held the lock"),
    }

    holder.kill().unwrap();
    holder.wait().unwrap();
    match EditLock::acquire(&path) {
        Err(LockError::Stale {
            owner: Some(owner), ..
        }) => assert_eq!(owner.pid, holder.id()),
        other => panic!("expected a stale lock after the holder was killed, got {other:?}"),
    }
    let lock = EditLock::take_over(&path).expect("a stale lock can be taken over");
    let taker = spawn("taker", &path).wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&taker.stdout).trim(), "held");
    drop(lock);
    println!(
        "crash_safety: two processes never held one lock; a killed holder's lock was taken over"
    );
}
