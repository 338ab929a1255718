package cn.gov.supervision.notifications.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Host names to addresses for webhook targets. Java's HTTP clients resolve on their own with no hook to check what
 * they connect to, so the webhook code resolves here, checks every address, and connects to the one it checked. An
 * interface so that tests answer from names they control: no lookup leaves the machine and no test depends on DNS.
 */
public interface HostResolver {

    /** Every address of {@code host} (an ASCII host name, never an IP literal). */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
