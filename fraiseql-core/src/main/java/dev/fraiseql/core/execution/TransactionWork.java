package dev.fraiseql.core.execution;

/** Temporary stand-in until the execution layer lands. */
public interface TransactionWork<T> {
    T run(Transaction tx);
}
