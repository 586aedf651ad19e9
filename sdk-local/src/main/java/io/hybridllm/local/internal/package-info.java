/** Implementation of the local engine; not a public API. */
package io.hybridllm.local.internal;
