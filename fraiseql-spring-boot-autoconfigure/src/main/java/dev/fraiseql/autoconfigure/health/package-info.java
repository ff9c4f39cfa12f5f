/** The {@code fraiseql} health indicator: database reachable and pool state. */
package dev.fraiseql.autoconfigure.health;
