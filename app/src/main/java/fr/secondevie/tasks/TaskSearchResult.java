package fr.secondevie.tasks;

import java.util.List;

/** Tasks found, and how many matched in all (more than found when the limit was reached). */
public record TaskSearchResult(List<TaskInfo> tasks, long total) {}
