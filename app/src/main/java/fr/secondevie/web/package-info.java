/**
 * Web shell: the page layout every feature reuses (header, navigation, skip link, footer), the home
 * and login pages, display formats (euros, dates in Europe/Paris) and the startup message that says
 * where to click.
 *
 * <p>Pages are server-rendered Thymeleaf in French, meant to meet RGAA 4.1 / WCAG 2.1 AA:
 * landmarks, a skip link, visible focus, labelled fields, tables with captions and headers, errors
 * tied to their fields. htmx (served from its webjar) handles polling and partial updates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package fr.secondevie.web;
