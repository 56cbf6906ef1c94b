package fr.secondevie.tasks.form;

import java.util.ArrayList;
import java.util.List;

/**
 * One component of a rendered form, as the templates under {@code templates/tasks/} show it. The
 * {@code kind} selects the fragment; every text is plain (escaped by the template) except {@link
 * #getHtml()}, the safe HTML of a text component.
 */
public final class ComponentView {

  /** One choice of a radio group, a checklist or a select. */
  public record OptionView(String id, String value, String label, boolean checked) {}

  /** One row of a dynamic list. */
  public record RowView(
      String id,
      String legend,
      String marker,
      String sourceName,
      String source,
      String removeAction,
      String removeLabel,
      List<ComponentView> children) {}

  /** A table's page: its rows, each the texts of its cells. */
  public record TablePage(int number, List<List<String>> rows) {}

  /**
   * A document a component shows or holds: its id in the document store, its file name, its type,
   * and whether the inbox serves it (a document of another store is only named).
   */
  public record DocumentView(String documentId, String fileName, String contentType, boolean ours) {

    public boolean isImage() {
      return ours
          && contentType != null
          && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("image/");
    }
  }

  private final String kind;
  private final String type;
  private final String id;
  private String name;
  private String label;
  private boolean required;
  private boolean readonly;
  private boolean disabled;
  private boolean hidden;
  private boolean conditional;
  private String description;
  private String hint;
  private String error;
  private String value;
  private List<OptionView> options = List.of();
  private String html;
  private List<ComponentView> children = List.of();
  private List<RowView> rows = List.of();
  private RowView template;
  private boolean addRemove;
  private String addAction;
  private String addLabel;
  private int nextRow;
  private String inputMode;
  private String dateLabel;
  private String timeValue;
  private String timeLabel;
  private String height;
  private boolean outline;
  private Integer columns;
  private String source;
  private String notice;
  private List<String> headers = List.of();
  private List<TablePage> pages = List.of();
  private String sandbox;
  private String allow;
  private String action;
  private boolean multiple;
  private String accept;
  private List<DocumentView> documents = List.of();

  ComponentView(String kind, String type, String id) {
    this.kind = kind;
    this.type = type;
    this.id = id;
  }

  public String getKind() {
    return kind;
  }

  /** The Camunda component type ({@code textfield}, {@code dynamiclist}...). */
  public String getType() {
    return type;
  }

  /** The id of the (first) input, or of the container. */
  public String getId() {
    return id;
  }

  /** The id of the element that wraps the component (shown or hidden as a whole). */
  public String getWrapperId() {
    return "w-" + id;
  }

  public String getDescriptionId() {
    return description == null ? null : id + "-desc";
  }

  public String getHintId() {
    return hint == null ? null : id + "-hint";
  }

  public String getErrorId() {
    return error == null ? null : id + "-err";
  }

  /** The ids {@code aria-describedby} lists: description, format hint, error. */
  public String getDescribedBy() {
    List<String> ids = new ArrayList<>();
    if (description != null) {
      ids.add(getDescriptionId());
    }
    if (hint != null) {
      ids.add(getHintId());
    }
    if (error != null) {
      ids.add(getErrorId());
    }
    return ids.isEmpty() ? null : String.join(" ", ids);
  }

  public String getTimeId() {
    return id + FormState.TIME_SUFFIX;
  }

  public String getTimeName() {
    return name + FormState.TIME_SUFFIX;
  }

  public String getName() {
    return name;
  }

  public String getLabel() {
    return label;
  }

  public boolean isRequired() {
    return required;
  }

  public boolean isReadonly() {
    return readonly;
  }

  public boolean isDisabled() {
    return disabled;
  }

  /** Read-only or disabled: shown, not editable. */
  public boolean isLocked() {
    return readonly || disabled;
  }

  public boolean isHidden() {
    return hidden;
  }

  /** Has a {@code conditional.hide}: the page's script re-evaluates it as the user types. */
  public boolean isConditional() {
    return conditional;
  }

  public String getDescription() {
    return description;
  }

  public String getHint() {
    return hint;
  }

  public String getError() {
    return error;
  }

  public boolean isInvalid() {
    return error != null;
  }

  public String getValue() {
    return value;
  }

  public List<OptionView> getOptions() {
    return options;
  }

  public String getHtml() {
    return html;
  }

  public List<ComponentView> getChildren() {
    return children;
  }

  public List<RowView> getRows() {
    return rows;
  }

  /** A new row, with {@code __i__} where the row number goes (for the page script), or null. */
  public RowView getTemplate() {
    return template;
  }

  public boolean isAddRemove() {
    return addRemove;
  }

  public String getAddAction() {
    return addAction;
  }

  public String getAddLabel() {
    return addLabel;
  }

  public int getNextRow() {
    return nextRow;
  }

  public String getInputMode() {
    return inputMode;
  }

  public String getDateLabel() {
    return dateLabel;
  }

  public String getTimeValue() {
    return timeValue;
  }

  public String getTimeLabel() {
    return timeLabel;
  }

  public String getHeight() {
    return height;
  }

  public boolean isOutline() {
    return outline;
  }

  /** Its width in the form's 16-column grid, or null (automatic). */
  public Integer getColumns() {
    return columns;
  }

  /** The CSS class of its width in a layout row. */
  public String getColumnClass() {
    return columns == null ? "form-col" : "form-col form-col-" + columns;
  }

  /** The address an image or iframe shows, once checked (null when refused or empty). */
  public String getSource() {
    return source;
  }

  /** Why an image, an iframe or a document is not shown, in French; or null. */
  public String getNotice() {
    return notice;
  }

  public List<String> getHeaders() {
    return headers;
  }

  public List<TablePage> getPages() {
    return pages;
  }

  public boolean isPaged() {
    return pages.size() > 1;
  }

  /** The {@code sandbox} attribute of an iframe (never null: an iframe is always sandboxed). */
  public String getSandbox() {
    return sandbox;
  }

  /** The {@code allow} attribute of an iframe, or null. */
  public String getAllow() {
    return allow;
  }

  /** A button's action: {@code submit} or {@code reset}. */
  public String getAction() {
    return action;
  }

  public boolean isMultiple() {
    return multiple;
  }

  public String getAccept() {
    return accept;
  }

  public List<DocumentView> getDocuments() {
    return documents;
  }

  /** The document ids a file picker keeps (its hidden inputs). */
  public List<String> getDocumentIds() {
    return documents.stream().map(DocumentView::documentId).toList();
  }

  ComponentView columns(Integer columns) {
    this.columns = columns;
    return this;
  }

  ComponentView source(String source) {
    this.source = source;
    return this;
  }

  ComponentView notice(String notice) {
    this.notice = notice;
    return this;
  }

  ComponentView table(List<String> headers, List<TablePage> pages) {
    this.headers = headers;
    this.pages = pages;
    return this;
  }

  ComponentView frame(String sandbox, String allow) {
    this.sandbox = sandbox;
    this.allow = allow;
    return this;
  }

  ComponentView action(String action) {
    this.action = action;
    return this;
  }

  ComponentView files(boolean multiple, String accept) {
    this.multiple = multiple;
    this.accept = accept;
    return this;
  }

  ComponentView documents(List<DocumentView> documents) {
    this.documents = documents;
    return this;
  }

  ComponentView name(String name) {
    this.name = name;
    return this;
  }

  ComponentView label(String label) {
    this.label = label;
    return this;
  }

  ComponentView required(boolean required) {
    this.required = required;
    return this;
  }

  ComponentView readonly(boolean readonly) {
    this.readonly = readonly;
    return this;
  }

  ComponentView disabled(boolean disabled) {
    this.disabled = disabled;
    return this;
  }

  ComponentView hidden(boolean hidden) {
    this.hidden = hidden;
    return this;
  }

  ComponentView conditional(boolean conditional) {
    this.conditional = conditional;
    return this;
  }

  ComponentView description(String description) {
    this.description = description == null || description.isBlank() ? null : description;
    return this;
  }

  ComponentView hint(String hint) {
    this.hint = hint;
    return this;
  }

  ComponentView error(String error) {
    this.error = error;
    return this;
  }

  ComponentView value(String value) {
    this.value = value;
    return this;
  }

  ComponentView options(List<OptionView> options) {
    this.options = options;
    return this;
  }

  ComponentView html(String html) {
    this.html = html;
    return this;
  }

  ComponentView children(List<ComponentView> children) {
    this.children = children;
    return this;
  }

  ComponentView rows(List<RowView> rows) {
    this.rows = rows;
    return this;
  }

  ComponentView template(RowView template) {
    this.template = template;
    return this;
  }

  ComponentView addRemove(boolean addRemove, String addAction, String addLabel, int nextRow) {
    this.addRemove = addRemove;
    this.addAction = addAction;
    this.addLabel = addLabel;
    this.nextRow = nextRow;
    return this;
  }

  ComponentView inputMode(String inputMode) {
    this.inputMode = inputMode;
    return this;
  }

  /** A date-time field: the labels of its date and time inputs, and the time shown. */
  ComponentView dates(String dateLabel, String timeValue, String timeLabel) {
    this.dateLabel = dateLabel;
    this.timeValue = timeValue;
    this.timeLabel = timeLabel;
    return this;
  }

  ComponentView height(String height) {
    this.height = height;
    return this;
  }

  ComponentView outline(boolean outline) {
    this.outline = outline;
    return this;
  }
}
