package fr.secondevie.tasks;

import fr.secondevie.campaigns.CampaignService;
import fr.secondevie.tasks.TaskSearches.Offered;
import fr.secondevie.tasks.TaskSubjects.About;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The inbox page's view of the offered tasks: filtered (task, assignment, site, campaign, asset),
 * sorted, paged, with the choices of its filters and the waiting steps of the user's roles.
 */
@Component
class InboxListing {

  static final int PAGE_SIZE = 50;

  private static final Comparator<TaskInfo> URGENCY =
      Comparator.comparing(
              (TaskInfo t) -> t.priority() == null ? TaskInbox.DEFAULT_PRIORITY : t.priority())
          .reversed()
          .thenComparing(TaskInfo::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(TaskInfo::creationDate, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingLong(TaskInfo::key);

  private final TaskSearches searches;
  private final TaskSubjects subjects;
  private final WaitingSteps waitingSteps;
  private final CampaignService campaigns;
  private final Clock clock;

  InboxListing(
      TaskSearches searches,
      TaskSubjects subjects,
      WaitingSteps waitingSteps,
      CampaignService campaigns,
      Clock clock) {
    this.searches = searches;
    this.subjects = subjects;
    this.waitingSteps = waitingSteps;
    this.campaigns = campaigns;
    this.clock = clock;
  }

  /** The open tasks the user may work, filtered, in the order asked (most urgent first). */
  Inbox list(Viewer viewer, InboxFilter filter) {
    Offered offered = searches.offered(viewer, filter.process());
    Map<String, String> processes = new TreeMap<>();
    TreeSet<String> names = new TreeSet<>();
    offered
        .tasks()
        .forEach(
            t -> {
              processes.put(t.processDefinitionId(), t.processTitle());
              names.add(t.title());
            });
    List<TaskInfo> candidates =
        offered.tasks().stream()
            .filter(t -> filter.task() == null || filter.task().equals(t.title()))
            .filter(
                t ->
                    filter.assignment() == null
                        || ("mine".equals(filter.assignment()) && t.isAssignedTo(viewer.login()))
                        || ("unassigned".equals(filter.assignment()) && !t.isAssigned()))
            .toList();
    Map<Long, About> about = subjects.about(candidates);
    TreeSet<String> sites = new TreeSet<>();
    Set<Long> campaignIds = new TreeSet<>();
    about
        .values()
        .forEach(
            a -> {
              if (a.asset() != null && a.asset().site() != null) {
                sites.add(a.asset().site());
              }
              if (a.campaignId() != null) {
                campaignIds.add(a.campaignId());
              }
            });
    List<Inbox.Row> matching =
        candidates.stream()
            .map(
                t -> {
                  About a = about.getOrDefault(t.processInstanceKey(), About.NOTHING);
                  return new Inbox.Row(
                      t,
                      TaskInbox.overdue(t, clock),
                      t.isAssignedTo(viewer.login()),
                      a.subject(),
                      a.asset());
                })
            .filter(
                r ->
                    filter.site() == null
                        || r.asset() != null && filter.site().equals(r.asset().site()))
            .filter(
                r ->
                    filter.campaign() == null
                        || filter
                            .campaign()
                            .equals(
                                about
                                    .getOrDefault(r.task().processInstanceKey(), About.NOTHING)
                                    .campaignId()))
            .filter(
                r ->
                    filter.asset() == null
                        || r.asset() != null
                            && r.asset()
                                .inventoryNumber()
                                .toLowerCase(Locale.ROOT)
                                .contains(filter.asset().toLowerCase(Locale.ROOT)))
            .sorted(order(filter.sort()))
            .toList();
    int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = Math.min(filter.page(), pages - 1);
    List<Inbox.Row> rows =
        matching.stream().skip((long) page * PAGE_SIZE).limit(PAGE_SIZE).toList();
    List<Inbox.Choice> processChoices = new ArrayList<>();
    processes.forEach((id, title) -> processChoices.add(new Inbox.Choice(id, title)));
    processChoices.sort(Comparator.comparing(Inbox.Choice::label));
    List<Inbox.Choice> campaignChoices = new ArrayList<>();
    for (Long id : campaignIds) {
      campaignChoices.add(
          new Inbox.Choice(
              id.toString(), campaigns.find(id).map(c -> c.name()).orElse("Campagne n° " + id)));
    }
    return new Inbox(
        rows,
        matching.size(),
        page,
        pages,
        processChoices,
        List.copyOf(names),
        List.copyOf(sites),
        campaignChoices,
        offered.truncated(),
        waitingSteps.waiting(viewer));
  }

  private static Comparator<Inbox.Row> order(String sort) {
    Comparator<Inbox.Row> urgency = Comparator.comparing(Inbox.Row::task, URGENCY);
    if ("due".equals(sort)) {
      return Comparator.comparing(
              (Inbox.Row r) -> r.task().dueDate(), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(urgency);
    }
    if ("created".equals(sort)) {
      return Comparator.comparing(
              (Inbox.Row r) -> r.task().creationDate(),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(urgency);
    }
    if ("site".equals(sort)) {
      Comparator<String> text = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
      return Comparator.comparing(
              (Inbox.Row r) -> r.asset() == null ? null : r.asset().site(), text)
          .thenComparing(r -> r.asset() == null ? null : r.asset().place(), text)
          .thenComparing(r -> r.asset() == null ? null : r.asset().inventoryNumber(), text)
          .thenComparing(urgency);
    }
    return urgency;
  }
}
