// Placeholder; the runtime API lands with the execution work.
