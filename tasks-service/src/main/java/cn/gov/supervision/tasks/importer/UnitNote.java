package cn.gov.supervision.tasks.importer;

import java.util.List;

/**
 * A parenthesised unit list that closes a clause of a plan's body: (牵头单位:市财政局). Notes separated by nothing but
 * spaces or punctuation, (牵头单位:A)(配合单位:B), count as one.
 *
 * @param open     index of the first note's opening parenthesis
 * @param end      index just after the last note's closing parenthesis
 * @param contents the text inside each parenthesis, as in the source
 */
record UnitNote(int open, int end, List<String> contents) {
}
