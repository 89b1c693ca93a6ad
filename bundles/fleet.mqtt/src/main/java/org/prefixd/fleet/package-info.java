/** The fleet's pure core: the topic contract, the router's id, the event backlog and the reconnect delays. Private to the bundle. */
package org.prefixd.fleet;
