package fr.secondevie.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The address of the page being rendered, for the layout's menu: the entry of the current page (or
 * of the section it belongs to) is marked {@code aria-current}.
 */
@ControllerAdvice
class CurrentPage {

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    String path = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && path.startsWith(context)
        ? path.substring(context.length())
        : path;
  }
}
