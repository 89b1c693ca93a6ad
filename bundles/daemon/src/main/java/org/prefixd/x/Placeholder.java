package org.prefixd.x; class Placeholder {}
