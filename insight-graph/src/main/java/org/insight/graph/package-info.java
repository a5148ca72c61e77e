/**
 * Network analysis: the link graph of entities ({@link org.insight.graph.Network}) from explicit links, entity
 * references, shared identifiers, co-mentions and same-as links, and the questions asked of it — paths, ego
 * networks, components, centrality, communities, brokers. Build one through a workspace session
 * ({@code Session.graph}) to get only what that session may see.
 */
package org.insight.graph;
